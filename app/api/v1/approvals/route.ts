import { listByStatus } from '@/db/queries/remediations';
import { apiRoute } from '@/lib/api/route';
import { remediationView } from '@/lib/remediation/present';

/** The approval queue: pending remediations, oldest first. Expired ones are never listed. */
export const GET = apiRoute({ role: 'viewer' }, async ({ db }) => {
  const now = Date.now();
  const pending = (await listByStatus(db, ['pending_approval'])).filter((r) => (r.expiresAt?.getTime() ?? 0) > now);
  return Response.json({ approvals: pending.map(remediationView) });
});
