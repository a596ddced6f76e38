import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
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
    expect(res.body).toEqual({ accepted: 10_000 });
    const after = await tableCounts();
    expect(after.metric_samples - before.metric_samples).toBe(10_000);
    expect(after.components - before.components).toBe(5);
    // Batches store samples only; checks come from health posts and the reconciler.
    expect(after.health_checks).toBe(before.health_checks);
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
    expect(res.body).toEqual({ accepted: 6 });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery(`select environment from components where name = 'repeat-svc'`);
    expect(rows).toEqual([{ environment: 'production' }]);
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
