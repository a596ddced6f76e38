import { decidableApprovals } from '@/db/queries/remediations';
import { apiRoute } from '@/lib/api/route';
import { remediationView } from '@/lib/remediation/present';

/** The approval queue: pending remediations, oldest first. Expired ones are never listed. */
export const GET = apiRoute({ role: 'viewer' }, async ({ db }) => {
  const pending = await decidableApprovals(db, new Date());
  return Response.json({ approvals: pending.map(remediationView) });
});
