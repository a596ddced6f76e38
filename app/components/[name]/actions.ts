'use server';

/**
 * Manual restart / rollback / memory-leak cleanup from a component's page.
 * requestRemediation applies the same policy, guardrails and approval queue as
 * the HTTP endpoints and the reconciler; a high-risk request comes back pending.
 */
import type { Db } from '@/db/client';
import type { RemediationAction, RemediationParams } from '@/db/schema';
import { cleanupInput, restartInput, rollbackInput } from '@/components/remediation/action-inputs';
import { toRequestResult } from '@/components/remediation/outcomes';
import { requestEvidence } from '@/lib/remediation/evidence';
import { serverAction } from '@/lib/actions/server-action';
import type { SessionUser } from '@/lib/auth/session';
import { actorFromUser, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';

/** One manual request, with the user as requester and what they were looking at as evidence. */
async function request(
  db: Db,
  user: SessionUser,
  input: { component: string; note?: string },
  action: RemediationAction,
  params: RemediationParams,
  what: string,
) {
  const outcome = await requestRemediation(
    db,
    {
      component: input.component,
      action,
      params,
      reason: input.note || `${what} requested by ${user.email}`,
      evidence: await requestEvidence(db, input.component),
      requester: actorFromUser(user),
    },
    remediationDeps(),
  );
  return toRequestResult(outcome);
}

export const restartAction = serverAction(
  { role: 'operator', schema: restartInput, name: 'restart', revalidate: ['/approvals'] },
  (input, { user, db }) => request(db, user, input, 'restart', {}, 'restart'),
);

export const rollbackAction = serverAction(
  { role: 'operator', schema: rollbackInput, name: 'rollback', revalidate: ['/approvals'] },
  (input, { user, db }) => request(db, user, input, 'rollback', { rollback_type: input.rollback_type }, `${input.rollback_type} rollback`),
);

export const cleanupAction = serverAction(
  { role: 'operator', schema: cleanupInput, name: 'memory-cleanup', revalidate: ['/approvals'] },
  (input, { user, db }) => request(db, user, input, 'memory_cleanup', {}, 'memory-leak cleanup'),
);
