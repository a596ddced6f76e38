import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { ensureComponent, ensureComponents } from '@/db/queries/components';
import { insertSamples, samplesInWindow } from '@/db/queries/metrics';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';

let token: string;
beforeAll(async () => {
  token = await createTestToken('operator');
});

function batch(n: number, components = 5) {
  const start = Date.now() - n * 1000;
  return Array.from({ length: n }, (_, i) => ({
    component: `batch-svc-${i % components}`,
    timestamp: new Date(start + i * 1000).toISOString(),
    cpu_usage: (i * 7) % 100,
    memory_usage: 40 + (i % 10),
    error_rate: (i % 100) / 1000,
    latency_ms: 100 + (i % 50),
    ...(i % 2 === 0 && { memory_mb: 512 + i / 100 }),
  }));
}

describe('POST /api/v1/metrics', () => {
  it('accepts 10,000 samples in one request and stores them all', async () => {
    const before = await tableCounts();
    const res = await call(postMetrics, { token, body: { samples: batch(10_000) } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 10_000, assessed: 5 });
    const after = await tableCounts();
    expect(after.metric_samples - before.metric_samples).toBe(10_000);
    expect(after.components - before.components).toBe(5);
    // One check per component, on its newest sample (tests/integration/metrics-batch-judged.test.ts).
    expect(after.health_checks - before.health_checks).toBe(5);
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ n: string | number; with_mb: string | number }>(
      `select count(*) as n, count(memory_mb) as with_mb from metric_samples s join components c on c.id = s.component_id where c.name = 'batch-svc-0'`,
    );
    expect(Number(row!.n)).toBe(2_000);
    expect(Number(row!.with_mb)).toBe(1_000); // every other sample carries memory_mb
  });

  it('registers new components once even when they repeat in the batch', async () => {
    const res = await call(postMetrics, {
      token,
      body: { samples: [...batch(3, 1), ...batch(3, 1)].map((s) => ({ ...s, component: 'repeat-svc' })) },
    });
    expect(res.body).toEqual({ accepted: 6, assessed: 1 });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery(`select environment from components where name = 'repeat-svc'`);
    expect(rows).toEqual([{ environment: 'production' }]);
  });

  it('registers new components in sorted name order, whatever the batch order (two batches cannot deadlock)', async () => {
    const { db, rawQuery } = await testDatabase();
    const ids = await ensureComponents(db, ['order-zeta', 'order-alpha', 'order-mid', 'order-alpha']);
    expect([...ids.keys()].sort()).toEqual(['order-alpha', 'order-mid', 'order-zeta']);
    // Heap order of one fresh multi-row INSERT is the order its rows were inserted (and locked) in.
    const rows = await rawQuery<{ name: string }>(`select name from components where name like 'order-%' order by ctid`);
    expect(rows.map((r) => r.name)).toEqual(['order-alpha', 'order-mid', 'order-zeta']);
  });

  it('defaults the timestamp to the time of receipt', async () => {
    const sample = { ...batch(1, 1)[0]!, timestamp: undefined }; // dropped by JSON.stringify
    const before = Date.now();
    await call(postMetrics, { token, body: { samples: [{ ...sample, component: 'now-svc' }] } });
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ recorded_at: Date | string }>(
      `select recorded_at from metric_samples s join components c on c.id = s.component_id where c.name = 'now-svc'`,
    );
    const at = new Date(row!.recorded_at).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe('samplesInWindow', () => {
  it('spreads a dense window evenly instead of keeping only the newest samples, and keeps the newest', async () => {
    const { db } = await testDatabase();
    const component = await ensureComponent(db, 'dense-reporter');
    const end = Date.parse('2026-11-30T12:00:00Z');
    // One sample per second for an hour.
    await insertSamples(
      db,
      Array.from({ length: 3600 }, (_, i) => ({
        componentId: component.id,
        recordedAt: new Date(end - (3599 - i) * 1000),
        cpuUsage: 10,
        memoryUsage: 20,
        errorRate: 0,
        latencyMs: 5,
        memoryMb: i,
      })),
    );
    const rows = await samplesInWindow(db, component.id, new Date(end - 3600_000), new Date(end), 120);
    expect(rows).toHaveLength(120);
    expect(rows.at(-1)!.recordedAt.getTime()).toBe(end);
    expect(end - rows[0]!.recordedAt.getTime()).toBeGreaterThan(55 * 60_000); // spans the hour, not the last 2 minutes
    const gaps = rows.slice(1).map((r, i) => r.recordedAt.getTime() - rows[i]!.recordedAt.getTime());
    expect(new Set(gaps)).toEqual(new Set([30_000]));
    // Sparse data comes back whole.
    const few = await samplesInWindow(db, component.id, new Date(end - 60_000), new Date(end), 120);
    expect(few).toHaveLength(60);
  });
});
