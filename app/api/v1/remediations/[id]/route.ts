import { findRemediation } from '@/db/queries/remediations';
import { notFound } from '@/lib/api/errors';
import { remediationIdParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { remediationView } from '@/lib/remediation/present';

export const GET = apiRoute<{ id: string }>({ role: 'viewer' }, async ({ params, db }) => {
  const remediation = await findRemediation(db, remediationIdParam(params.id));
  if (!remediation) throw notFound(`remediation ${params.id}`);
  return Response.json(remediationView(remediation));
});
