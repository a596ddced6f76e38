/**
 * Runs an approved remediation: claim (one conditional UPDATE, so it runs at
 * most once however many workers race), act, record the outcome in
 * `remediations` and one `unified_brain` row. If the lease expired meanwhile
 * and the reconciler marked the remediation failed, the late outcome is
 * recorded as such (`late_outcome`), never as a success.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { recordBrain } from '@/db/queries/brain';
import { findComponentByName } from '@/db/queries/components';
import {
  claimForExecution,
  findRemediation,
  finishExecution,
  recordLateOutcome,
  type RemediationWithComponent,
} from '@/db/queries/remediations';
import { log } from '@/lib/log';
import { metrics } from '@/lib/observability/metrics';
import { actionOf, type RunOutcome } from './actions';
import type { ActionOutcome, RemediationDeps } from './types';

export interface ExecutionResult {
  /** False when another worker had already claimed it (or it was not approved). */
  executed: boolean;
  /**
   * True when the executor reported only after the lease had expired and the
   * remediation had been marked failed meanwhile: the action may have taken
   * effect, but it counts as failed and `outcome` says so.
   */
  late?: boolean;
  remediation: RemediationWithComponent;
  outcome: ActionOutcome | null;
  /** An action proposed in its place (a restart when a leaking component had no cleanup hook). */
  followUp?: RunOutcome['followUp'];
}

export async function executeRemediation(db: Db, id: string, deps: RemediationDeps): Promise<ExecutionResult> {
  const now = deps.now?.() ?? new Date();
  const claimed = await claimForExecution(db, id, now, deps.settings.executionLeaseMs);
  if (!claimed) {
    const current = await findRemediation(db, id);
    if (!current) throw new Error(`remediation ${id} does not exist`);
    return { executed: false, remediation: current, outcome: null };
  }
  const remediation = (await findRemediation(db, id))!;
  const component = (await findComponentByName(db, remediation.component))!;
  const actor = remediation.decidedBy ?? remediation.requestedBy;

  const definition = actionOf(remediation.action);
  let outcome: ActionOutcome;
  let followUp: ExecutionResult['followUp'];
  try {
    const ran = await definition.run({ db, component, params: remediation.params, executors: deps.executors, actor, target: remediation.target, now });
    ({ followUp, ...outcome } = ran);
  } catch (error) {
    // An executor bug or a database error mid-action: recorded as a failure, never retried blindly.
    log.error('remediation execution crashed', { remediation: id, action: remediation.action, error });
    outcome = { success: false, error: 'the action failed unexpectedly; see the console log', result: { success: false, component: component.name } };
  }

  const finishedAt = deps.now?.() ?? new Date();
  const metadata = {
    component: component.name,
    remediation_id: id,
    action: remediation.action,
    risk: remediation.risk,
    automatic: remediation.automatic,
    requested_by: remediation.requestedBy,
    ...(remediation.decidedBy && { approved_by: remediation.decidedBy }),
    reason: remediation.reason,
  };
  const reported = outcome;
  const finished = await db.transaction(async (tx) => {
    const row = await finishExecution(tx, id, { success: reported.success, result: reported.result, error: reported.error, now: finishedAt });
    if (!row) return false;
    await recordBrain(tx, {
      actionType: definition.brainAction,
      status: reported.success ? 'success' : 'failure',
      metadata: { ...reported.result, ...metadata },
    });
    return true;
  });
  if (finished) {
    metrics().remediations.inc({ action: remediation.action, outcome: outcome.success ? 'succeeded' : 'failed' });
    log.info('remediation executed', { remediation: id, component: component.name, action: remediation.action, success: outcome.success });
    return { executed: true, remediation: (await findRemediation(db, id))!, outcome, followUp };
  }

  // The lease expired while the executor worked, and the reconciler marked the
  // remediation failed (its `failure` row is written). What the executor reports
  // now must not count as a success nor as a second failure: it is recorded as
  // what it is — an outcome that arrived after the lease expired.
  const said = reported.success ? 'success' : `failure (${reported.error ?? 'no reason given'})`;
  const note = `the executor reported ${said} after its lease expired; the remediation stays failed — check the service before retrying`;
  const lateResult = { ...reported.result, success: false, reported_success: reported.success, lease_expired: true, message: note };
  await db.transaction(async (tx) => {
    await recordLateOutcome(tx, id, { result: lateResult, note });
    await recordBrain(tx, {
      actionType: definition.brainAction,
      status: 'late_outcome',
      metadata: { ...lateResult, ...metadata, counted_as: 'failed' },
    });
  });
  log.warn('remediation outcome arrived after its lease expired', {
    remediation: id,
    component: component.name,
    action: remediation.action,
    reported_success: reported.success,
  });
  // No follow-up restart: it would act on the picture of an execution that no longer counts.
  return { executed: true, late: true, remediation: (await findRemediation(db, id))!, outcome: { success: false, error: note, result: lateResult } };
}
