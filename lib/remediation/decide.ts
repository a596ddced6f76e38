/**
 * A person's decision on a queued remediation (SPEC §4): four-eyes, within the
 * expiry, recorded as `remediation_approval`; an approval then executes it —
 * once, however many approvers race (the decision and the claim are both
 * conditional UPDATEs).
 */
import 'server-only';
import type { Db } from '@/db/client';
import { recordBrain } from '@/db/queries/brain';
import { findComponentByName } from '@/db/queries/components';
import { decideRemediation, findRemediation, type RemediationWithComponent } from '@/db/queries/remediations';
import { ApiError } from '@/lib/api/errors';
import { executeRemediation, type ExecutionResult } from './execute';
import { enforceGuardrails, lockComponent } from './guard';
import type { Actor, RemediationDeps } from './types';

export type Decision = 'approved' | 'rejected';

function whyUndecidable(current: RemediationWithComponent): string {
  if (current.status === 'pending_approval' || current.status === 'expired') return 'it expired before the decision';
  const by = current.decidedBy ? ` by ${current.decidedBy}` : '';
  if (current.status === 'rejected') return `it was already rejected${by}`;
  return `it was already approved${by} (now ${current.status})`;
}

/** The requester may never decide their own request; a token counts as its creator. */
export function isOwnRequest(remediation: RemediationWithComponent, decider: Actor): boolean {
  if (remediation.requesterUserId && remediation.requesterUserId === decider.userId) return true;
  // Creator-less tokens (made by the CLI) are matched by their own identity.
  return remediation.requestedByKind === decider.kind && remediation.requestedBy === decider.name;
}

export async function decide(
  db: Db,
  id: string,
  decider: Actor,
  decision: Decision,
  reason: string | null,
  deps: RemediationDeps,
): Promise<{ remediation: RemediationWithComponent; execution: ExecutionResult | null }> {
  const now = deps.now?.() ?? new Date();
  const remediation = await findRemediation(db, id);
  if (!remediation) throw new ApiError(404, 'not_found', `remediation ${id} does not exist`);
  if (isOwnRequest(remediation, decider)) {
    throw new ApiError(403, 'forbidden', 'four-eyes rule: the requester cannot approve or reject their own request');
  }
  if (decision === 'rejected' && !reason?.trim()) {
    throw new ApiError(400, 'validation_failed', 'reason: a rejection needs a reason', [{ field: 'reason', message: 'required when rejecting' }]);
  }
  const component = (await findComponentByName(db, remediation.component))!;
  // Decision and audit row commit together; the component lock orders this approval
  // after any other request or approval for the component, so the cooldown sees them.
  await db.transaction(async (tx) => {
    await lockComponent(tx, component);
    // Whoever held the lock before may have decided it already: say so, rather than what a guardrail thinks.
    const current = (await findRemediation(tx, id))!;
    if (current.status !== 'pending_approval' || (current.expiresAt?.getTime() ?? 0) <= now.getTime()) {
      throw new ApiError(409, 'conflict', `remediation ${id} cannot be ${decision}: ${whyUndecidable(current)}`, undefined, {
        status: current.status,
      });
    }
    if (decision === 'approved') {
      // The policy may have changed since the request (an admin set it to "never"): an approval cannot override that.
      const latest = (await findComponentByName(tx, remediation.component))!;
      if (latest.policy === 'never') {
        throw new ApiError(409, 'conflict', `remediation ${id} cannot be approved: ${remediation.component}'s remediation policy is now "never"`, undefined, {
          guardrail: 'policy',
        });
      }
      // A person approved it, so pause and hourly cap (automation limits) do not apply; the cooldown does.
      await enforceGuardrails(tx, { component, action: remediation.action, automatic: false, now, settings: deps.settings.guardrails });
    }
    const decided = await decideRemediation(tx, id, {
      status: decision,
      by: decider.name,
      byUserId: decider.userId,
      reason: reason?.trim() || null,
      now,
    });
    if (!decided) throw new Error(`remediation ${id} changed under the component lock`);
    await recordBrain(tx, {
      actionType: 'remediation_approval',
      status: decision,
      metadata: {
        component: remediation.component,
        remediation_id: id,
        action: remediation.action,
        decision,
        decided_by: decider.name,
        reason: reason?.trim() || null,
        requested_by: remediation.requestedBy,
        risk: remediation.risk,
      },
    });
  });
  const execution = decision === 'approved' ? await executeRemediation(db, id, deps) : null;
  return { remediation: execution?.remediation ?? (await findRemediation(db, id))!, execution };
}
