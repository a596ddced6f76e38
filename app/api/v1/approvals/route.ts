import { z } from 'zod';
import { decidableApprovals } from '@/db/queries/remediations';
import { apiRoute } from '@/lib/api/route';
import { remediationViewSchema } from '@/lib/api/schemas/remediation';
import { remediationView } from '@/lib/remediation/present';

/** The approval queue: pending remediations, oldest first. Expired ones are never listed. */
export const GET = apiRoute(
  {
    operationId: 'list_approvals',
    summary: 'The approval queue',
    description: 'Remediations waiting for an approver, oldest first; expired ones are never listed.',
    tag: 'Approvals',
    role: 'viewer',
    responses: { 200: { description: 'The pending queue.', schema: z.object({ approvals: z.array(remediationViewSchema) }) } },
  },
  async ({ db }) => {
    const pending = await decidableApprovals(db, new Date());
    return Response.json({ approvals: pending.map(remediationView) });
  },
);
