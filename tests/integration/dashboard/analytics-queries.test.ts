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
import { remediations, type NewRemediation } from '@/db/schema';
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
  const remediation = (status: NewRemediation['status'], createdAgo: number, finishedAgo: number | null): NewRemediation => ({
    componentId: worker.id,
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
    // Recovery times 60, 120, 180, 240, 600 s.
    remediation('succeeded', 2 * HOUR + 60_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 120_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 180_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 240_000, 2 * HOUR),
    remediation('succeeded', 2 * HOUR + 600_000, 2 * HOUR),
    remediation('failed', 3 * HOUR, 3 * HOUR - 30_000),
    // Outside the 24-hour window, or not finished: not counted.
    remediation('succeeded', 40 * HOUR, 39 * HOUR),
    remediation('pending_approval', 60_000, null),
    remediation('executing', 60_000, null),
  ]);
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
    expect(await remediationOutcomes(db, last24h())).toEqual({ succeeded: 5, failed: 1, successRate: 5 / 6 });
    expect(await remediationOutcomes(db, { from: ago(HOUR) })).toEqual({ succeeded: 0, failed: 0, successRate: null });
  });

  it('median and p90 of proposal → recovery', async () => {
    const { db } = await testDatabase();
    const times = await recoveryTimes(db, last24h());
    expect(times.count).toBe(5);
    expect(times.medianSeconds).toBeCloseTo(180, 6);
    // percentile_cont interpolates: 0.9 of the way through [60,120,180,240,600] is 240 + 0.6·360.
    expect(times.p90Seconds).toBeCloseTo(456, 6);
    expect(await recoveryTimes(db, { from: ago(HOUR) })).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
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
