import { findRemediation } from '@/db/queries/remediations';
import { notFound } from '@/lib/api/errors';
import { remediationIdParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { remediationViewSchema } from '@/lib/api/schemas/remediation';
import { remediationView } from '@/lib/remediation/present';

export const GET = apiRoute(
  {
    operationId: 'get_remediation',
    summary: 'One remediation',
    tag: 'Remediation',
    role: 'viewer',
    params: remediationIdParams,
    responses: {
      200: { description: 'The remediation.', schema: remediationViewSchema },
      404: { description: 'No such remediation.', schema: apiErrorSchema },
    },
  },
  async ({ params, db }) => {
    const remediation = await findRemediation(db, params.id);
    if (!remediation) throw notFound(`remediation ${params.id}`);
    return Response.json(remediationView(remediation));
  },
);
