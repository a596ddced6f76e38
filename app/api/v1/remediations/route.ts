import { listRemediations } from '@/db/queries/remediations';
import { validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { remediationView } from '@/lib/remediation/present';
import { remediationListQuerySchema } from '@/lib/validation/remediation';

/** Remediations newest first: `?component=…&status=a,b&limit=…` (default 50, at most 500). */
export const GET = apiRoute({ role: 'viewer' }, async ({ request, db }) => {
  const query = remediationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error);
  const { component, status, limit } = query.data;
  const rows = await listRemediations(db, { component, statuses: status, limit });
  return Response.json({ remediations: rows.map(remediationView) });
});
