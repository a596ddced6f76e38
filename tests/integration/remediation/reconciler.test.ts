/**
 * The reconciler on the demo scenarios' data: a leak gets a cleanup, a CPU ramp a
 * (queued) restart with the prediction as evidence, a healthy service nothing;
 * cooldown, hourly cap and pause each hold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { recordComponentState } from '@/db/queries/component-history';
import { findComponentByName, upsertComponentConfig } from '@/db/queries/components';
import { setAutomationPaused } from '@/db/queries/settings';
import type { CleanupOutcome } from '@/lib/executors/types';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { reconcileOnce, type ReconcilerDeps } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { runHealthCheck } from '@/lib/services/health-check';
import { storeBatch } from '@/lib/services/ingest';
import { createRng, DEMO_SCENARIOS } from '@/lib/simulator/scenarios';
import { testDatabase } from '../../helpers/api';
import { fakeRegistry, restartingService, servicesByName } from '../../support/fake-executors';

const MIN = 60;
const STEP_S = 30;
let clock = Date.parse('2026-11-30T00:00:00Z');
const calls: string[] = [];

const cleanupOk = async ({ component }: { component: string }): Promise<CleanupOutcome> => {
  calls.push(`cleanup ${component}`);
  return { success: true, status_code: 200, message: 'cleaned', attempts: 1, memory_freed_mb: 500, objects_collected: 1000, current_memory_mb: 600 };
};

function deps(overrides: Partial<ReconcilerDeps['settings']['guardrails']> = {}): ReconcilerDeps {
  const settings = remediationSettingsFromEnv({});
  return {
    settings: { ...settings, guardrails: { ...settings.guardrails, ...overrides } },
    triggers: DEFAULT_HEALING_TRIGGERS,
    now: () => new Date(clock),
    executors: fakeRegistry(
      servicesByName(
        {
          ...restartingService({ onRestart: (id) => void calls.push(`restart ${id}`) }),
          // Two instances, and a scale that is recorded: the scale proposals read and change the count.
          instances: async () => ({ success: true, status_code: 200, message: 'ok', attempts: 1, num_instances: 2, autoscaling: null }),
          scale: async (id, n) => (calls.push(`scale ${id} to ${n}`), { success: true, status_code: 202, message: 'ok', attempts: 1 }),
        },
        (c) => `srv-${c.name.replace(/[^a-z0-9]/g, '')}`,
      ),
      { cleanup: (c) => ({ executor: { cleanup: cleanupOk }, url: `http://${c.name}.test/cleanup`, secret: null }) },
    ),
  };
}

/** Feeds 60 min of a scenario ending at cycle position `at`, then one health check at `clock`; `rate(s)`: request_rate s steps back. */
async function feed(component: string, scenarioName: string, at: number, rate?: (stepsBack: number) => number) {
  const { db } = await testDatabase();
  const scenario = DEMO_SCENARIOS.find((s) => s.component === scenarioName)!;
  const rng = createRng(7);
  const samples = [];
  for (let s = 120; s >= 1; s--) {
    samples.push({ component, timestamp: new Date(clock - s * STEP_S * 1000), ...scenario.sample(at - s * STEP_S, rng), ...(rate && { request_rate: rate(s) }) });
  }
  await storeBatch(db, samples, new Date(clock));
  const current = { ...scenario.sample(at, rng), ...(rate && { request_rate: rate(0) }), timestamp: new Date(clock) };
  return runHealthCheck(db, component, current, { triggers: DEFAULT_HEALING_TRIGGERS });
}

async function remediationsOf(component: string) {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ action: string; status: string; evidence: Record<string, any>; automatic: boolean }>(
    `select r.action, r.status, r.evidence, r.automatic from remediations r join components c on c.id = r.component_id
      where c.name = '${component}' order by r.created_at`,
  );
}

beforeEach(() => {
  calls.length = 0;
  clock += 6 * 60 * MIN * 1000; // each test in its own hours, outside the others' guardrail windows
});

describe('reconciler on scenario data', () => {
  it('leak → a cleanup runs automatically (low risk) with the leak as evidence', async () => {
    const report = await feed('leaky', 'payments-worker', 70 * MIN);
    expect(report.memory_leak.leak_detected).toBe(true);
    const counts = await reconcileOnce((await testDatabase()).db, deps());
    expect(counts).toMatchObject({ proposed: 1, executed: 1, succeeded: 1, queued: 0 });
    expect(calls).toEqual(['cleanup leaky']);
    const [r] = await remediationsOf('leaky');
    expect(r).toMatchObject({ action: 'memory_cleanup', status: 'succeeded', automatic: true });
    expect(r!.evidence.memory_leak.leak_detected).toBe(true);
  });

  it('CPU ramp in production → a restart queued for approval with the prediction as evidence', async () => {
    const report = await feed('ramping', 'search-service', 44 * MIN);
    expect(report.failure_prediction.level).toBe('critical');
    const counts = await reconcileOnce((await testDatabase()).db, deps());
    expect(counts).toMatchObject({ proposed: 1, queued: 1, executed: 0 });
    expect(calls).toEqual([]);
    const [r] = await remediationsOf('ramping');
    expect(r).toMatchObject({ action: 'restart', status: 'pending_approval' });
    expect(r!.evidence.failure_prediction).toMatchObject({ level: 'critical', metric: 'cpu_usage' });
    // Level-triggered but not stacking: the next pass sees the open proposal and adds nothing.
    const again = await reconcileOnce((await testDatabase()).db, deps());
    expect(again.proposed).toBe(0);
    expect(await remediationsOf('ramping')).toHaveLength(1);
  });

  it('CPU over its trigger while requests rise (no leak): one instance more instead of a restart; flat requests: the restart', async () => {
    const { db } = await testDatabase();
    for (const name of ['surging', 'busy-flat']) await upsertComponentConfig(db, name, { environment: 'staging', max_instances: 4 }, 'test');
    // 300 → 540 req/s over the last 15 minutes (8 req/s per 30-s step), steady before.
    const report = await feed('surging', 'search-service', 50 * MIN, (back) => 300 + 8 * Math.max(0, 30 - back));
    expect(report.metrics.cpu_usage).toBeGreaterThan(90);
    expect(report.request_load).toMatchObject({ rising: true, request_rate: 540 });
    await feed('busy-flat', 'search-service', 50 * MIN, () => 300);
    const counts = await reconcileOnce(db, deps());
    expect(counts).toMatchObject({ proposed: 2, executed: 2, succeeded: 2 });
    expect([...calls].sort()).toEqual(['restart srv-busyflat', 'scale srv-surging to 3']);
    const [scaled] = await remediationsOf('surging');
    expect(scaled).toMatchObject({ action: 'scale', status: 'succeeded', automatic: true });
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ params: unknown; reason: string }>(
      `select r.params, r.reason from remediations r join components c on c.id = r.component_id where c.name = 'surging'`,
    );
    expect(row!.params).toEqual({ by: 1 });
    expect(row!.reason).toContain('request load rising');
    // Without max_instances the component cannot be scaled: the restart, as before.
    await feed('surging-nomax', 'search-service', 50 * MIN, (back) => 300 + 8 * Math.max(0, 30 - back));
    await upsertComponentConfig(db, 'surging-nomax', { environment: 'staging' }, 'test');
    calls.length = 0;
    await reconcileOnce(db, deps());
    expect(calls).toEqual(['restart srv-surgingnomax']);
  });

  it('a rejected proposal is not asked again for an hour', async () => {
    const { db, rawQuery } = await testDatabase();
    await feed('rejected-ramp', 'search-service', 44 * MIN);
    await reconcileOnce(db, deps());
    await rawQuery(`update remediations set status = 'rejected', decided_at = '${new Date(clock).toISOString()}', decided_by = 'sre'
                     where component_id = (select id from components where name = 'rejected-ramp')`);
    clock += 30 * MIN * 1000;
    await feed('rejected-ramp', 'search-service', 46 * MIN);
    expect(await reconcileOnce(db, deps())).toMatchObject({ snoozed: 1, proposed: 0 });
    clock += 31 * MIN * 1000;
    await feed('rejected-ramp', 'search-service', 46 * MIN);
    expect(await reconcileOnce(db, deps())).toMatchObject({ snoozed: 0, proposed: 1, queued: 1 });
  });

  it('error_rate over its trigger with nothing to roll back to: a restart, never a previous_state rollback nothing could apply', async () => {
    const { db } = await testDatabase();
    await feed('err-norollback', 'inventory-sync', 80 * MIN);
    // Recorded states, but no executor can re-apply them (not simulated, no Render deploy).
    const component = (await findComponentByName(db, 'err-norollback'))!;
    await recordComponentState(db, component.id, { version: 'v1' }, 'deploy');
    await recordComponentState(db, component.id, { version: 'v2' }, 'deploy');
    const counts = await reconcileOnce(db, deps());
    expect(counts).toMatchObject({ proposed: 1, queued: 1, skipped: 0 });
    const [r] = await remediationsOf('err-norollback');
    expect(r).toMatchObject({ action: 'restart', status: 'pending_approval' });
  });

  it('healthy → nothing proposed', async () => {
    await feed('steady', 'checkout-api', 30 * MIN);
    const counts = await reconcileOnce((await testDatabase()).db, deps());
    expect(counts.proposed).toBe(0);
    expect(await remediationsOf('steady')).toHaveLength(0);
  });

  it('stale evidence is not acted on', async () => {
    await feed('old-leak', 'payments-worker', 70 * MIN);
    clock += 10 * MIN * 1000;
    const counts = await reconcileOnce((await testDatabase()).db, deps());
    expect(counts.stale).toBeGreaterThan(0);
    expect(await remediationsOf('old-leak')).toHaveLength(0);
  });

  it('cooldown: a second cleanup within 10 min is blocked and says until when', async () => {
    await feed('cool', 'payments-worker', 70 * MIN);
    await reconcileOnce((await testDatabase()).db, deps());
    clock += 2 * MIN * 1000;
    await feed('cool', 'payments-worker', 72 * MIN);
    const counts = await reconcileOnce((await testDatabase()).db, deps());
    expect(counts).toMatchObject({ proposed: 1, blocked: 1, executed: 0 });
    expect(calls).toEqual(['cleanup cool']);
  });

  it('hourly cap: at most 3 automatic actions per component per hour', async () => {
    const { db } = await testDatabase();
    for (let i = 0; i < 4; i++) {
      await feed('capped', 'payments-worker', (70 + i) * MIN);
      await reconcileOnce(db, deps({ cooldownMs: 0 }));
      clock += MIN * 1000;
    }
    expect(calls).toEqual(['cleanup capped', 'cleanup capped', 'cleanup capped']);
    const { rawQuery } = await testDatabase();
    const [last] = await rawQuery<{ notes: string[]; blocked: number }>(
      `select metadata->'notes' as notes, (metadata->>'blocked')::int as blocked from unified_brain
        where action_type = 'reconciliation_cycle' order by id desc limit 1`,
    );
    expect(last!.blocked).toBe(1);
    expect(last!.notes.join()).toContain('cap 3');
  });

  it('pause: nothing runs automatically while an admin has paused automation', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'paused-leak', { environment: 'staging' }, 'test');
    await feed('paused-leak', 'payments-worker', 70 * MIN);
    await setAutomationPaused(db, true, 'admin@example.com');
    try {
      const counts = await reconcileOnce(db, deps());
      expect(counts).toMatchObject({ paused: true, blocked: 1, executed: 0 });
      expect(calls).toEqual([]);
    } finally {
      await setAutomationPaused(db, false, 'admin@example.com');
    }
  });
});

describe('recovery of interrupted work', () => {
  it('an approved remediation nobody claimed is run by the next pass; one approved too long ago is failed unrun', async () => {
    const { db, rawQuery } = await testDatabase();
    // Two components: only one open remediation per component and action may exist.
    await upsertComponentConfig(db, 'orphan', { environment: 'dev' }, 'test');
    await upsertComponentConfig(db, 'old-orphan', { environment: 'dev' }, 'test');
    const ids = await rawQuery<{ id: string }>(`select id from components where name in ('orphan', 'old-orphan') order by name desc`);
    const insert = (componentId: string, minutesAgo: number) =>
      rawQuery<{ id: string }>(`insert into remediations (component_id, action, risk, status, reason, requested_by_kind, requested_by, decided_by, decided_at, created_at)
        values ('${componentId}', 'restart', 'high', 'approved', 'test', 'user', 'a@example.com', 'b@example.com',
                '${new Date(clock - minutesAgo * 60_000).toISOString()}', '${new Date(clock - minutesAgo * 60_000).toISOString()}') returning id`);
    const [recent] = await insert(ids[0]!.id, 5);
    const [ancient] = await insert(ids[1]!.id, 120);
    const counts = await reconcileOnce(db, deps());
    expect(counts).toMatchObject({ resumed: 1, lapsed: 1 });
    expect(calls).toEqual(['restart srv-orphan']);
    const rows = await rawQuery<{ id: string; status: string }>(`select id, status from remediations where id in ('${recent!.id}', '${ancient!.id}')`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [recent!.id]: 'succeeded', [ancient!.id]: 'failed' });
  });
});

describe('the pause and interrupted work', () => {
  it('an approved, unclaimed remediation is not run while automation is paused; it stays approved and runs after the pause', async () => {
    const { db, rawQuery } = await testDatabase();
    await upsertComponentConfig(db, 'held-orphan', { environment: 'dev' }, 'test');
    const [c] = await rawQuery<{ id: string }>(`select id from components where name = 'held-orphan'`);
    const at = new Date(clock - 5 * 60_000).toISOString();
    const [row] = await rawQuery<{ id: string }>(`insert into remediations (component_id, action, risk, status, reason, requested_by_kind, requested_by, automatic, decided_by, decided_at, created_at)
      values ('${c!.id}', 'restart', 'low', 'approved', 'test', 'reconciler', 'reconciler', true, 'policy', '${at}', '${at}') returning id`);
    await setAutomationPaused(db, true, 'admin@example.com');
    try {
      const counts = await reconcileOnce(db, deps());
      expect(counts).toMatchObject({ paused: true, held: 1, resumed: 0 });
      expect(calls).toEqual([]);
      const [still] = await rawQuery<{ status: string }>(`select status from remediations where id = '${row!.id}'`);
      expect(still!.status).toBe('approved');
    } finally {
      await setAutomationPaused(db, false, 'admin@example.com');
    }
    const counts = await reconcileOnce(db, deps());
    expect(counts).toMatchObject({ paused: false, held: 0, resumed: 1 });
    expect(calls).toEqual(['restart srv-heldorphan']);
  });
});

describe('a failing component', () => {
  it('does not halt the pass: later components are reconciled, the error is counted, and the cycle row is written', async () => {
    const { db, rawQuery } = await testDatabase();
    await feed('err-a-broken', 'payments-worker', 70 * MIN);
    await feed('err-b-leaky', 'payments-worker', 70 * MIN);
    const base = deps();
    const broken: ReconcilerDeps = {
      ...base,
      executors: {
        ...base.executors,
        cleanup: (c) => {
          if (c.name === 'err-a-broken') throw new Error('registry bug');
          return base.executors.cleanup(c);
        },
      },
    };
    const counts = await reconcileOnce(db, broken);
    expect(counts).toMatchObject({ errors: 1, executed: 1, succeeded: 1 });
    expect(calls).toEqual(['cleanup err-b-leaky']);
    const [cycle] = await rawQuery<{ status: string; errors: number; notes: string[] }>(
      `select status, (metadata->>'errors')::int as errors, metadata->'notes' as notes from unified_brain
        where action_type = 'reconciliation_cycle' order by id desc limit 1`,
    );
    expect(cycle).toMatchObject({ status: 'completed_with_failures', errors: 1 });
    expect(cycle!.notes.join()).toContain('err-a-broken: not reconciled');
    expect(cycle!.notes.join()).not.toContain('registry bug'); // messages stay in the log (they may carry query params)
  });
});

describe('reconciler exclusivity within a pass', () => {
  it('stops before acting once its lock is lost, and records why', async () => {
    await feed('lock-a', 'payments-worker', 70 * MIN);
    await feed('lock-b', 'payments-worker', 70 * MIN);
    // Lost right after lock-a was cleaned (say, the lock's connection died meanwhile).
    const stillExclusive = async () => !calls.includes('cleanup lock-a');
    const counts = await reconcileOnce((await testDatabase()).db, deps(), stillExclusive);
    expect(counts.errors).toBe(1);
    const { rawQuery } = await testDatabase();
    const [cycle] = await rawQuery<{ status: string; metadata: { notes: string[] } }>(
      `select status, metadata from unified_brain where action_type = 'reconciliation_cycle' order by id desc limit 1`,
    );
    expect(cycle!.status).toBe('aborted');
    expect(cycle!.metadata.notes.join(' ')).toContain('reconciler lock was lost');
    // Components are visited in name order: lock-a was cleaned, lock-b (and anything after) was not.
    expect(calls.filter((c) => c.startsWith('cleanup lock-'))).toEqual(['cleanup lock-a']);
    expect(calls.at(-1)).toBe('cleanup lock-a');
  });
});

