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
import { awaitsDecision, decideRemediation, findRemediation, lockRemediation, type RemediationWithComponent } from '@/db/queries/remediations';
import type { Component, RemediationTarget } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { metrics } from '@/lib/observability/metrics';
import { riskFor } from '@/lib/healing/risk';
import { actionOf } from './actions';
import { executeRemediation, type ExecutionResult } from './execute';
import { enforceGuardrails, lockComponent } from './guard';
import { riskContext } from './request';
import { resolveTarget, targetChanges } from './target';
import type { Actor, RemediationDeps } from './types';

export type Decision = 'approved' | 'rejected';

function whyUndecidable(current: RemediationWithComponent): string {
  if (current.status === 'pending_approval' || current.status === 'expired') return 'it expired before the decision';
  const by = current.decidedBy ? ` by ${current.decidedBy}` : '';
  if (current.status === 'rejected') return `it was already rejected${by}`;
  return `it was already approved${by} (now ${current.status})`;
}

/** Whether this person (a token counts as its creator) sent a sample behind the request's evidence. */
export function sentEvidence(remediation: Pick<RemediationWithComponent, 'evidenceSenders'>, decider: Actor): boolean {
  return remediation.evidenceSenders.some((sender) =>
    sender.user_id !== null
      ? sender.user_id === decider.userId
      : // A creator-less token (made by the CLI) is matched by its own identity.
        decider.kind === 'token' && decider.userId === null && sender.name === decider.name,
  );
}

/** The requester may never decide their own request; a token counts as its creator. */
export function isOwnRequest(remediation: RemediationWithComponent, decider: Actor): boolean {
  if (remediation.requesterUserId && remediation.requesterUserId === decider.userId) return true;
  // Creator-less tokens (made by the CLI) are matched by their own identity.
  return remediation.requestedByKind === decider.kind && remediation.requestedBy === decider.name;
}

/**
 * An approval binds to what the approver saw: the target and the risk are
 * resolved again, now, under the component lock, and must be what the request
 * recorded. Refused (409) naming what changed — e.g. an admin's routing change
 * after a config rollback was requested would otherwise be undone by it.
 */
async function refuseIfMoved(tx: Db, remediation: RemediationWithComponent, component: Component, deps: RemediationDeps): Promise<void> {
  const refuse = (what: string, details?: Record<string, unknown>) =>
    new DomainError('conflict', `remediation ${remediation.id} cannot be approved: ${what}; request it again if it is still needed`, { details: details });
  let target: RemediationTarget;
  try {
    target = await resolveTarget(tx, component, remediation.action, remediation.params, deps.executors);
  } catch (error) {
    if (error instanceof DomainError) throw refuse(`it can no longer run (${error.message})`);
    throw error;
  }
  // Rows from before targets were recorded ({}) have nothing to compare.
  const changes = Object.keys(remediation.target).length === 0 ? [] : targetChanges(remediation.target, target);
  const risk = riskFor(actionOf(remediation.action), component, await riskContext(tx, component, remediation));
  if (!risk.allowed) throw refuse(`${risk.why}`, { guardrail: 'policy' });
  if (risk.risk !== remediation.risk) changes.push(`risk ${remediation.risk} → ${risk.risk} (${risk.why})`);
  if (changes.length > 0) {
    throw refuse(`what it would act on changed since it was requested — ${changes.join('; ')}`, { changed: changes, target });
  }
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
  if (!remediation) throw new DomainError('not_found', `remediation ${id} does not exist`);
  if (isOwnRequest(remediation, decider)) {
    throw new DomainError('forbidden', 'four-eyes rule: the requester cannot approve or reject their own request');
  }
  // Four-eyes on the evidence too: whoever fed the samples must not also be the one who lets the action run.
  if (decision === 'approved' && sentEvidence(remediation, decider)) {
    throw new DomainError('forbidden', 'four-eyes rule: you sent the evidence behind this request, so another approver must approve it');
  }
  if (decision === 'rejected' && !reason?.trim()) {
    throw new DomainError('validation_failed', 'reason: a rejection needs a reason', { issues: [{ field: 'reason', message: 'required when rejecting' }] });
  }
  const component = (await findComponentByName(db, remediation.component))!;
  // Decision and audit row commit together; the component lock orders this approval
  // after any other request or approval for the component, so the cooldown sees them.
  await db.transaction(async (tx) => {
    await lockComponent(tx, component);
    // Whoever held the lock before may have decided it already: say so, rather than what a guardrail thinks.
    // The row lock makes the expiry sweep wait for this decision rather than race it.
    const current = (await lockRemediation(tx, id))!;
    if (!awaitsDecision(current, now)) {
      throw new DomainError('conflict', `remediation ${id} cannot be ${decision}: ${whyUndecidable(current)}`, { details: {
        status: current.status,
      } });
    }
    if (decision === 'approved') {
      // The policy may have changed since the request (an admin set it to "never"): an approval cannot override that.
      const latest = (await findComponentByName(tx, remediation.component))!;
      if (latest.policy === 'never') {
        throw new DomainError('conflict', `remediation ${id} cannot be approved: ${remediation.component}'s remediation policy is now "never"`, { details: {
          guardrail: 'policy',
        } });
      }
      await refuseIfMoved(tx, current, latest, deps);
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
    if (!decided) {
      // Only the expiry can get here (the row is locked): its instant passed between the check and the update.
      const after = (await findRemediation(tx, id))!;
      throw new DomainError('conflict', `remediation ${id} cannot be ${decision}: ${whyUndecidable(after)}`, { details: { status: after.status } });
    }
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
  // Counted once committed: a decision that lost a race (409) is no decision.
  metrics().decisionLatency.observe({ decision }, Math.max(0, (now.getTime() - remediation.createdAt.getTime()) / 1000));
  if (decision === 'rejected') metrics().remediations.inc({ action: remediation.action, outcome: 'rejected' });
  const execution = decision === 'approved' ? await executeRemediation(db, id, deps) : null;
  return { remediation: execution?.remediation ?? (await findRemediation(db, id))!, execution };
}
