/**
 * The analytics queries against rows this test wrote: the card's two queries
 * (compared with the card's SQL run verbatim), remediation outcomes, recovery
 * times and approval decisions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOverTime,
  approvalDecisions,
  interventionsPerComponent,
  recoveryTimes,
  remediationOutcomes,
  topActions,
} from '@/db/queries/analytics';
import { recordBrain } from '@/db/queries/brain';
import { ensureComponent } from '@/db/queries/components';
import { insertHealthCheck } from '@/db/queries/health-checks';
import { remediations, type NewHealthCheckRow, type NewRemediation } from '@/db/schema';
import { testDatabase } from '../../helpers/api';
import { COMPONENT_HEALTH, TOP_ACTIONS_24H } from '../../helpers/card-queries';

const HOUR = 3_600_000;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);
const last24h = () => ({ from: ago(24 * HOUR) });

beforeAll(async () => {
  const { db, rawQuery } = await testDatabase();
  const write = (actionType: Parameters<typeof recordBrain>[1]['actionType'], status: string, metadata: Record<string, unknown>, msAgo = 60_000) =>
    recordBrain(db, { actionType, status, metadata, executedAt: ago(msAgo) });

  for (let i = 0; i < 5; i++) await write('proactive_health_check', 'healthy', { component: 'api' });
  for (let i = 0; i < 3; i++) await write('proactive_health_check', 'warning', { component: 'worker' });
  await write('service_restart', 'success', { component: 'worker', remediation_id: 'r1' });
  await write('service_restart', 'failure', { component: 'worker', remediation_id: 'r2' });
  await write('reconciliation_cycle', 'success', { proposed: 1 });
  await write('reconciliation_cycle', 'success', { proposed: 0 });
  await write('remediation_approval', 'success', { component: 'worker', remediation_id: 'r1', decision: 'approved', decided_by: 'a@x', reason: 'ok' });
  await write('remediation_approval', 'success', { component: 'api', remediation_id: 'r3', decision: 'approved', decided_by: 'a@x', reason: 'ok' });
  await write('remediation_approval', 'success', { component: 'api', remediation_id: 'r4', decision: 'rejected', decided_by: 'b@x', reason: 'no' });
  // Older than 24 h: only in the all-time query.
  await write('automatic_rollback', 'success', { component: 'api' }, 30 * HOUR);
  await write('remediation_approval', 'success', { component: 'api', decision: 'rejected' }, 30 * HOUR);
  // Another agent: never counted.
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata) values ('billing_agent', 'service_restart', 'ok', '{"component":"api"}')`);

  const worker = await ensureComponent(db, 'worker');
  const flaky = await ensureComponent(db, 'flaky');
  const remediation = (
    status: NewRemediation['status'],
    createdAgo: number,
    finishedAgo: number | null,
    componentId = worker.id,
  ): NewRemediation => ({
    componentId,
    action: 'restart',
    risk: 'low',
    status,
    reason: 'test',
    requestedByKind: 'reconciler',
    requestedBy: 'reconciler',
    createdAt: ago(createdAgo),
    finishedAt: finishedAgo === null ? null : ago(finishedAgo),
  });
  await db.insert(remediations).values([
    // Proposed 60, 120, 180, 240, 600 s before the action finished; the worker's first healthy
    // check after that comes 30 s later, so proposal → recovery is 90, 150, 210, 270, 630 s.
    remediation('succeeded', 2 * HOUR + 60_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 120_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 180_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 240_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 600_000, 2 * HOUR),
    remediation('failed', 3 * HOUR, 3 * HOUR - 30_000),
    // Outside the 24-hour window, or not finished: not counted.
    remediation('succeeded', 40 * HOUR, 39 * HOUR),
    remediation('pending_approval', 60_000, null),
    // Another action: one open remediation per component and action.
    { ...remediation('executing', 60_000, null), action: 'rollback' },
    // The action ran, but the component never had a healthy check since: not recovered.
    remediation('succeeded', 2 * HOUR + 60_000, 2 * HOUR, flaky.id),
  ]);

  const check = (componentId: string, checkedAgo: number, healthy: boolean, extra: Partial<NewHealthCheckRow> = {}): NewHealthCheckRow => ({
    componentId,
    checkedAt: ago(checkedAgo),
    healthScore: healthy ? 100 : 75,
    trend: 'stable',
    probability: 0.01,
    timeToFailure: '> 24 hours',
    predictionLevel: 'low',
    result: {},
    ...extra,
  });
  // Healthy before the action finished: not a recovery from it.
  await insertHealthCheck(db, check(worker.id, 2 * HOUR + 10_000, true));
  // After it: still breached, then healthy but predicted high, then leaking — none is a recovery.
  await insertHealthCheck(db, check(worker.id, 2 * HOUR - 5_000, false));
  await insertHealthCheck(db, check(worker.id, 2 * HOUR - 10_000, true, { predictionLevel: 'high', probability: 0.4 }));
  await insertHealthCheck(db, check(worker.id, 2 * HOUR - 20_000, true, { leakDetected: true }));
  // The first healthy check after the action: 30 s after it finished.
  await insertHealthCheck(db, check(worker.id, 2 * HOUR - 30_000, true));
  await insertHealthCheck(db, check(worker.id, 2 * HOUR - 90_000, true));
  await insertHealthCheck(db, check(flaky.id, HOUR, false));
});

describe("the card's queries, expressed with drizzle", () => {
  it('top actions in the last 24 hours match the card SQL', async () => {
    const { db, rawQuery } = await testDatabase();
    const ours = await topActions(db, last24h());
    expect(ours).toEqual([
      { actionType: 'proactive_health_check', count: 8 },
      { actionType: 'remediation_approval', count: 3 },
      { actionType: 'reconciliation_cycle', count: 2 },
      { actionType: 'service_restart', count: 2 },
    ]);
    const card = await rawQuery<{ action_type: string; count: string | number }>(TOP_ACTIONS_24H);
    expect(Object.fromEntries(card.map((r) => [r.action_type, Number(r.count)]))).toEqual(
      Object.fromEntries(ours.map((r) => [r.actionType, r.count])),
    );
  });

  it('interventions per component over all time match the card SQL', async () => {
    const { db, rawQuery } = await testDatabase();
    const ours = await interventionsPerComponent(db);
    expect(ours).toEqual([
      { component: 'api', interventions: 9, healingActions: 4 },
      { component: 'worker', interventions: 6, healingActions: 3 },
      { component: null, interventions: 2, healingActions: 2 },
    ]);
    const card = await rawQuery<Record<string, string | number | null>>(COMPONENT_HEALTH);
    expect(card.map((r) => [Object.values(r)[0], Number(r.interventions)])).toEqual(
      ours.map((r) => [r.component, r.interventions]),
    );
  });

  it('interventions per component within a window', async () => {
    const { db } = await testDatabase();
    const ours = await interventionsPerComponent(db, last24h());
    expect(ours.find((r) => r.component === 'api')).toEqual({ component: 'api', interventions: 7, healingActions: 2 });
  });

  it('a window with an upper bound excludes later rows', async () => {
    const { db } = await testDatabase();
    expect(await topActions(db, { from: ago(48 * HOUR), to: ago(24 * HOUR) })).toEqual([
      { actionType: 'automatic_rollback', count: 1 },
      { actionType: 'remediation_approval', count: 1 },
    ]);
  });
});

describe('remediation analytics', () => {
  it('success rate of remediations finished in the window', async () => {
    const { db } = await testDatabase();
    expect(await remediationOutcomes(db, last24h())).toEqual({ succeeded: 6, failed: 1, successRate: 6 / 7 });
    expect(await remediationOutcomes(db, { from: ago(HOUR) })).toEqual({ succeeded: 0, failed: 0, successRate: null });
  });

  it("median and p90 of proposal → the component's first healthy check after the action finished", async () => {
    const { db } = await testDatabase();
    const times = await recoveryTimes(db, last24h());
    expect(times.count).toBe(5);
    expect(times.notRecovered).toBe(1);
    expect(times.medianSeconds).toBeCloseTo(210, 3);
    // percentile_cont interpolates: 0.9 of the way through [90,150,210,270,630] is 270 + 0.6·360.
    expect(times.p90Seconds).toBeCloseTo(486, 3);
    expect(await recoveryTimes(db, { from: ago(HOUR) })).toEqual({ count: 0, medianSeconds: null, p90Seconds: null, notRecovered: 0 });
  });

  it('a window with an end ignores recoveries after it', async () => {
    const { db } = await testDatabase();
    // Ends 10 s after the actions finished: the healthy check 30 s after them is not in it yet.
    const times = await recoveryTimes(db, { from: ago(24 * HOUR), to: ago(2 * HOUR - 10_000) });
    expect(times).toEqual({ count: 0, medianSeconds: null, p90Seconds: null, notRecovered: 6 });
  });

  it('approvals by decision', async () => {
    const { db } = await testDatabase();
    expect(await approvalDecisions(db, last24h())).toEqual([
      { decision: 'approved', count: 2 },
      { decision: 'rejected', count: 1 },
    ]);
  });

  it('actions over time, bucketed', async () => {
    const { db } = await testDatabase();
    const rows = await actionsOverTime(db, last24h(), 3600);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(15);
    expect(rows.every((r) => r.at instanceof Date && r.at.getTime() % 3_600_000 === 0)).toBe(true);
  });
});
