/**
 * The reconciler: a level-triggered loop. Each pass looks at every component's
 * latest health check as it is now (not at events), proposes what the policy
 * and the prediction call for, runs low-risk actions, queues high-risk ones,
 * expires stale proposals, fails executions whose executor vanished, and
 * writes one `reconciliation_cycle` row with its counts (also when a component
 * or the pass fails: errors are counted and logged). Only one reconciler
 * acts at a time (Database.withExclusiveLock).
 */
import 'server-only';
import type { Database, Db } from '@/db/client';
import { recordBrain } from '@/db/queries/brain';

import { listComponents } from '@/db/queries/components';
import { latestCheckPerComponent } from '@/db/queries/health-checks';
import {
  expirePending,
  failLapsedLeases,
  failUnstarted,
  openRemediationFor,
  rejectedSince,
  unclaimedApproved,
} from '@/db/queries/remediations';
import { firingAlertsByComponent } from '@/db/queries/alerts';
import { automationPause } from '@/db/queries/settings';
import type { AlertRow, Component, HealthCheckRow } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { planRemediation } from '@/lib/healing/remediation-plan';
import type { HealingTriggers } from '@/lib/healing/types';
import { log } from '@/lib/log';
import { metrics } from '@/lib/observability/metrics';
import { currentAlertRouting } from '@/lib/services/alerts';
import { reportOf } from '@/lib/services/health-report';
import { alertEvidence, alertTriggers, evidenceFromCheck } from './evidence';
import { actionOf } from './actions';
import { capabilitiesOf, factsOf, planCapabilities } from './capabilities';
import { executeRemediation } from './execute';
import { requestRemediation } from './request';
import { RECONCILER, type RemediationDeps } from './types';

/** Fixed key: every console process competes for the same lock. */
export const RECONCILER_LOCK_KEY = 7_204_311_862;

export interface CycleCounts {
  components: number;
  evaluated: number;
  stale: number;
  proposed: number;
  executed: number;
  succeeded: number;
  failed: number;
  queued: number;
  blocked: number;
  skipped: number;
  /** Approved remediations whose process died before claiming them, run now. */
  resumed: number;
  /** Such remediations left approved, not run, because automation is paused. */
  held: number;
  /** Proposals held back because a person rejected the same action recently. */
  snoozed: number;
  expired: number;
  lapsed: number;
  /** Components (or resumed remediations) whose evaluation failed unexpectedly; logged, the pass went on. */
  errors: number;
  paused: boolean;
}

export interface ReconcilerDeps extends RemediationDeps {
  triggers: HealingTriggers;
}

/**
 * One pass. `stillExclusive` (from the reconciler lock) is asked before each
 * step that acts: if the lock's connection died, another reconciler may be
 * acting already, so the pass stops rather than act twice.
 */
/** The pass's duration and counts as this process's metrics (the same numbers as its reconciliation_cycle row). */
function observePass(result: string, counts: CycleCounts, started: number): void {
  const m = metrics();
  m.reconcilerPasses.observe({ result }, (Date.now() - started) / 1000);
  for (const [count, n] of Object.entries(counts)) {
    if (typeof n === 'number' && n > 0) m.reconcilerCounts.inc({ count }, n);
  }
}

export async function reconcileOnce(db: Db, deps: ReconcilerDeps, stillExclusive: () => Promise<boolean> = async () => true): Promise<CycleCounts> {
  const started = Date.now();
  const now = deps.now?.() ?? new Date();
  const counts: CycleCounts = {
    components: 0, evaluated: 0, stale: 0, proposed: 0, executed: 0, succeeded: 0, failed: 0,
    queued: 0, blocked: 0, skipped: 0, resumed: 0, held: 0, snoozed: 0, expired: 0, lapsed: 0, errors: 0, paused: false,
  };
  const notes: string[] = [];

  // Whatever goes wrong, the pass ends with its reconciliation_cycle row: a pass that
  // stopped half-way must be visible in the audit log, not silently missing.
  let aborted: unknown;
  try {
    const components = await listComponents(db);
    const names = new Map(components.map((c) => [c.id, c.name]));
    const expired = await expirePending(db, now);
    counts.expired = expired.length;
    for (const e of expired) metrics().remediations.inc({ action: e.action, outcome: 'expired' });
    for (const lapsed of await failLapsedLeases(db, now)) {
      counts.lapsed++;
      metrics().remediations.inc({ action: lapsed.action, outcome: 'lapsed' });
      await recordBrain(db, {
        actionType: actionOf(lapsed.action).brainAction,
        status: 'failure',
        metadata: { component: names.get(lapsed.componentId), remediation_id: lapsed.id, error: lapsed.error },
      });
    }
    counts.paused = (await automationPause(db)).paused;
    if (!(await stillExclusive())) throw new LockLost();
    await resumeUnclaimed(db, deps, now, counts, notes);

    const latest = await latestCheckPerComponent(db);
    // Firing alerts at a healing severity are triggers too (also for a component never checked).
    const alerting = await firingAlertsByComponent(db, (await currentAlertRouting(db)).healingSeverities);
    counts.components = components.length;
    for (const component of components) {
      const check = latest.get(component.id) ?? null;
      const alerts = alerting.get(component.id) ?? [];
      if (!check && alerts.length === 0) continue;
      if (!(await stillExclusive())) throw new LockLost();
      // One component's bad data or a bug in its path must not cost every later component its pass.
      try {
        await reconcileComponent(db, deps, component, check, alerts, now, counts, notes);
      } catch (error) {
        counts.errors++;
        log.error('reconciler: component not reconciled', { component: component.name, error });
        notes.push(`${component.name}: not reconciled — unexpected error (${errorName(error)}); see the console log`);
      }
    }
  } catch (error) {
    aborted = error;
    counts.errors++;
    notes.push(
      error instanceof LockLost
        ? 'pass stopped: the reconciler lock was lost (its database connection ended), so another reconciler may be acting'
        : `pass aborted — unexpected error (${errorName(error)}); see the console log`,
    );
  }
  const result = aborted ? 'aborted' : counts.failed > 0 || counts.errors > 0 ? 'completed_with_failures' : 'completed';
  observePass(result, counts, started);
  try {
    await recordBrain(db, {
      actionType: 'reconciliation_cycle',
      status: result,
      metadata: { ...counts, notes: notes.slice(0, 20), duration_ms: Date.now() - started },
    });
  } catch (error) {
    if (!aborted) throw error;
    log.error('reconciliation_cycle row not written', { error }); // the database that aborted the pass, most likely
  }
  if (aborted instanceof LockLost) {
    log.warn('reconciler lock lost; pass stopped', { evaluated: counts.evaluated });
    return counts;
  }
  if (aborted) throw aborted;
  return counts;
}

/** The reconciler lock went away mid-pass (see reconcileOnce). */
class LockLost extends Error {
  constructor() {
    super('reconciler lock lost');
  }
}

/** Never the message: a failed query's message carries its params (lib/log.ts reduces what is logged). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return code === undefined ? error.name : `${error.name} ${String(code)}`;
}

/** What one component calls for, proposed (and run or queued) under the usual rules. */
async function reconcileComponent(
  db: Db,
  deps: ReconcilerDeps,
  component: Component,
  latestCheck: HealthCheckRow | null,
  alerts: AlertRow[],
  now: Date,
  counts: CycleCounts,
  notes: string[],
): Promise<void> {
  // No fresh data: acting on an old picture could restart a service that recovered. A firing
  // alert is fresh evidence of its own (Alertmanager sends `resolved` when it stops).
  const check = latestCheck && now.getTime() - latestCheck.checkedAt.getTime() <= deps.settings.maxEvidenceAgeMs ? latestCheck : null;
  if (!check && alerts.length === 0) {
    counts.stale++;
    return;
  }
  counts.evaluated++;
  if (await openRemediationFor(db, component.id)) return; // one at a time per component
  const report = check ? reportOf(check) : null;
  // A stored report that does not parse (reportOf logged it) is no evidence; a firing alert still is.
  if (!report && alerts.length === 0) return;
  // Only what would not be refused is proposed (the same check as the request path).
  const capabilities = capabilitiesOf(component, await factsOf(db, component, deps.executors));
  const proposal = planRemediation(report, deps.triggers, planCapabilities(capabilities), alertTriggers(alerts));
  if (!proposal) return;
  // A person said no: asking again every pass would only fill the queue with the same question.
  if (await rejectedSince(db, component.id, proposal.action, new Date(now.getTime() - deps.settings.rejectionSnoozeMs))) {
    counts.snoozed++;
    return;
  }
  counts.proposed++;
  try {
    const outcome = await requestRemediation(
      db,
      {
        component: component.name,
        ...proposal,
        requester: RECONCILER,
        evidence: { ...(check ? evidenceFromCheck(check) : {}), ...alertEvidence(alerts) },
      },
      deps,
    );
    if (outcome.kind === 'pending') counts.queued++;
    else {
      counts.executed++;
      if (outcome.execution.outcome?.success) counts.succeeded++;
      else counts.failed++;
      if (outcome.followUp?.kind === 'pending') counts.queued++;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'guardrail') counts.blocked++;
    else counts.skipped++;
    notes.push(`${component.name}: ${proposal.action} not run — ${error.message}`);
  }
}

/** Approved but unclaimed this long means the process that approved it died before running it. */
const UNCLAIMED_GRACE_MS = 60_000;

/**
 * Nothing ran for these, so running them is safe — unless the approval is older
 * than an approval may wait: then the world has moved on and they are failed instead.
 *
 * While automation is paused none of them is run: running them now would be the
 * console acting on its own, which is what the pause stops (even when a person
 * approved one — that person's request died with its process; they can ask again
 * by hand). They stay approved, counted as `held`: the first pass after the pause
 * is lifted runs those approved within APPROVAL_EXPIRY_MINUTES and fails the
 * older ones unrun, exactly as it would have without the pause. Failing a
 * too-old one runs nothing, so that still happens during a pause.
 */
async function resumeUnclaimed(db: Db, deps: ReconcilerDeps, now: Date, counts: CycleCounts, notes: string[]): Promise<void> {
  for (const stuck of await unclaimedApproved(db, now, UNCLAIMED_GRACE_MS)) {
    const approvedAt = stuck.decidedAt ?? stuck.createdAt;
    try {
      if (now.getTime() - approvedAt.getTime() <= deps.settings.approvalExpiryMs) {
        if (counts.paused) {
          counts.held++;
          continue;
        }
        await executeRemediation(db, stuck.id, deps);
        counts.resumed++;
      } else if (await failUnstarted(db, stuck.id, now, `approved at ${approvedAt.toISOString()} but never started; too old to run now`)) {
        metrics().remediations.inc({ action: stuck.action, outcome: 'failed' });
        counts.lapsed++;
      }
    } catch (error) {
      counts.errors++;
      log.error('reconciler: approved remediation not resumed', { remediation: stuck.id, error });
      notes.push(`remediation ${stuck.id}: not resumed — unexpected error (${errorName(error)}); see the console log`);
    }
  }
}

/** One pass if this process wins the lock; null when another reconciler is running. */
export function reconcileExclusively(database: Database, deps: ReconcilerDeps): Promise<CycleCounts | null> {
  return database.withExclusiveLock(RECONCILER_LOCK_KEY, (stillHeld) => reconcileOnce(database.db, deps, stillHeld));
}

const globalForReconciler = globalThis as typeof globalThis & { __shcReconciler?: { stop: () => void } };

/** Starts the loop (idempotent per process). Passes never overlap; a failed pass is logged and the loop goes on. */
export function startReconciler(database: Database, deps: ReconcilerDeps): { stop: () => void } {
  if (globalForReconciler.__shcReconciler) return globalForReconciler.__shcReconciler;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const counts = await reconcileExclusively(database, deps);
      if (counts && (counts.proposed > 0 || counts.expired > 0 || counts.lapsed > 0 || counts.errors > 0)) log.info('reconciliation cycle', { ...counts });
    } catch (error) {
      log.error('reconciliation cycle failed', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(pass, deps.settings.reconcileIntervalMs);
  timer.unref();
  void pass();
  const handle = {
    stop: () => {
      clearInterval(timer);
      globalForReconciler.__shcReconciler = undefined;
    },
  };
  globalForReconciler.__shcReconciler = handle;
  log.info('reconciler started', { interval_ms: deps.settings.reconcileIntervalMs });
  return handle;
}
