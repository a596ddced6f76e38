/**
 * Runs an approved remediation: claim (one conditional UPDATE, so it runs at
 * most once however many workers race), act, record the outcome in
 * `remediations` and one `unified_brain` row.
 */
import type { Db } from '@/db/client';
import { recordBrain, type ActionType } from '@/db/queries/brain';
import { findComponentByName } from '@/db/queries/components';
import { claimForExecution, findRemediation, finishExecution, type RemediationWithComponent } from '@/db/queries/remediations';
import type { RemediationAction } from '@/db/schema';
import { log } from '@/lib/log';
import { cleanupMemoryLeak, restartService, rollbackComponent } from './actions';
import type { ActionOutcome, RemediationDeps } from './types';

export const BRAIN_ACTION: Record<RemediationAction, ActionType> = {
  restart: 'service_restart',
  rollback: 'automatic_rollback',
  memory_cleanup: 'memory_leak_cleanup',
};

export interface ExecutionResult {
  /** False when another worker had already claimed it (or it was not approved). */
  executed: boolean;
  remediation: RemediationWithComponent;
  outcome: ActionOutcome | null;
  /** A restart proposed because a leaking component had no cleanup hook. */
  followUp?: { action: 'restart'; reason: string };
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

  let outcome: ActionOutcome;
  let followUp: ExecutionResult['followUp'];
  try {
    switch (remediation.action) {
      case 'restart':
        outcome = await restartService(component, remediation.params, deps.executors);
        break;
      case 'rollback':
        outcome = await rollbackComponent(db, component, remediation.params, deps.executors, actor);
        break;
      case 'memory_cleanup': {
        const cleaned = await cleanupMemoryLeak(db, component, deps.executors, now);
        outcome = cleaned;
        if (cleaned.needsRestart) followUp = { action: 'restart', reason: cleaned.error! };
        break;
      }
    }
  } catch (error) {
    // An executor bug or a database error mid-action: recorded as a failure, never retried blindly.
    log.error('remediation execution crashed', { remediation: id, action: remediation.action, error });
    outcome = { success: false, error: 'the action failed unexpectedly; see the console log', result: { success: false, component: component.name } };
  }

  const finishedAt = deps.now?.() ?? new Date();
  await db.transaction(async (tx) => {
    await finishExecution(tx, id, { success: outcome.success, result: outcome.result, error: outcome.error, now: finishedAt });
    await recordBrain(tx, {
      actionType: BRAIN_ACTION[remediation.action],
      status: outcome.success ? 'success' : 'failure',
      metadata: {
        ...outcome.result,
        component: component.name,
        remediation_id: id,
        action: remediation.action,
        risk: remediation.risk,
        automatic: remediation.automatic,
        requested_by: remediation.requestedBy,
        ...(remediation.decidedBy && { approved_by: remediation.decidedBy }),
        reason: remediation.reason,
      },
    });
  });
  log.info('remediation executed', { remediation: id, component: component.name, action: remediation.action, success: outcome.success });
  return { executed: true, remediation: (await findRemediation(db, id))!, outcome, followUp };
}
