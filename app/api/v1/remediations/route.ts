import { z } from 'zod';
import { listRemediations } from '@/db/queries/remediations';
import { apiRoute } from '@/lib/api/route';
import { remediationViewSchema } from '@/lib/api/schemas/remediation';
import { remediationView } from '@/lib/remediation/present';
import { remediationListQuerySchema } from '@/lib/validation/remediation';

/** Remediations newest first: `?component=…&status=a,b&limit=…` (default 50, at most 500). */
export const GET = apiRoute(
  {
    operationId: 'list_remediations',
    summary: 'Remediations, newest first',
    description: '`status` takes a comma-separated list of statuses; `limit` defaults to 50, at most 500.',
    tag: 'Remediation',
    role: 'viewer',
    query: remediationListQuerySchema,
    responses: { 200: { description: 'The remediations.', schema: z.object({ remediations: z.array(remediationViewSchema) }) } },
  },
  async ({ query, db }) => {
    const rows = await listRemediations(db, { component: query.component, statuses: query.status, limit: query.limit });
    return Response.json({ remediations: rows.map(remediationView) });
  },
);
