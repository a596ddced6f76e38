'use server';

/**
 * Approve / reject from the approvals page. Same rules as the HTTP endpoints
 * (app/api/v1/approvals/[id]/…): decide() enforces four-eyes, the expiry and
 * "runs once"; the wrapper enforces the approver role, whatever the UI shows.
 */
import { approveInput, rejectInput } from '@/lib/validation/action-inputs';
import { toDecisionResult } from '@/components/remediation/outcomes';
import { serverAction } from '@/lib/actions/server-action';
import { decide } from '@/lib/remediation/decide';
import { actorFromUser, remediationDeps } from '@/lib/remediation/deps';

export const approveAction = serverAction(
  { role: 'approver', schema: approveInput, name: 'approve', revalidate: ['/approvals'] },
  async ({ id, reason }, { user, db }) =>
    toDecisionResult('approved', await decide(db, id, actorFromUser(user), 'approved', reason || null, remediationDeps())),
);

export const rejectAction = serverAction(
  { role: 'approver', schema: rejectInput, name: 'reject', revalidate: ['/approvals'] },
  async ({ id, reason }, { user, db }) =>
    toDecisionResult('rejected', await decide(db, id, actorFromUser(user), 'rejected', reason, remediationDeps())),
);
