import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';

const cardExample = { cpu_usage: 85.0, memory_usage: 88.0, error_rate: 0.08, latency_ms: 3500.0 };
let token: string;

beforeAll(async () => {
  token = await createTestToken('operator');
});

describe('POST /api/v1/components/{name}/health', () => {
  it("answers the card's example with health_score 50.0 and four warnings", async () => {
    const before = await tableCounts();
    const res = await call(postHealth, { params: { name: 'api-gateway' }, token, body: cardExample });
    expect(res.status).toBe(200);
    expect(res.body.health_score).toBe(50);
    expect(res.body.warnings).toHaveLength(4);
    for (const metric of ['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms']) {
      expect(res.body.warnings.some((w: string) => w.includes(metric))).toBe(true);
    }
    expect(res.body.trend).toBe('stable');
    expect(res.body.failure_prediction).toMatchObject({
      time_to_failure: expect.any(String),
      probability: expect.any(Number),
      reasons: expect.any(Array),
    });
    const after = await tableCounts();
    expect(after.metric_samples - before.metric_samples).toBe(1);
    expect(after.health_checks - before.health_checks).toBe(1);
    expect(after.unified_brain - before.unified_brain).toBe(1);
  });

  it('registers an unknown component in production on its first valid sample', async () => {
    await call(postHealth, { params: { name: 'fresh-svc' }, token, body: cardExample });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ environment: string }>(`select environment from components where name = 'fresh-svc'`);
    expect(rows).toEqual([{ environment: 'production' }]);
  });

  it('writes one proactive_health_check row naming the component', async () => {
    await call(postHealth, { params: { name: 'brain-svc' }, token, body: cardExample });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ agent_name: string; status: string; metadata: { component: string; health_score: number } }>(
      `select agent_name, status, metadata from unified_brain where metadata->>'component' = 'brain-svc'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.agent_name).toContain('self_healing');
    expect(rows[0]!.status).toBe('warning');
    expect(rows[0]!.metadata.health_score).toBe(50);
  });

  it('stores an explicit timestamp and judges the sample by its own past', async () => {
    const t0 = Date.now() - 20 * 60_000;
    let last: any;
    // cpu climbs 1 point per minute: 60 → 80 over 20 minutes, ~10 min from critical.
    for (let i = 0; i <= 20; i++) {
      last = await call(postHealth, {
        params: { name: 'ramp-svc' },
        token,
        body: { cpu_usage: 60 + i, memory_usage: 40, error_rate: 0, latency_ms: 100, timestamp: new Date(t0 + i * 60_000).toISOString() },
      });
    }
    expect(last.status).toBe(200);
    expect(last.body.checked_at).toBe(new Date(t0 + 20 * 60_000).toISOString());
    expect(last.body.failure_prediction.level).toBe('critical');
    expect(last.body.failure_prediction.time_to_failure).toBe('< 1 hour');
    expect(last.body.failure_prediction.probability).toBeGreaterThan(0.5);
    expect(last.body.failure_prediction.reasons[0]).toMatch(/^cpu_usage projected to reach 90%/);
    // The score sat at 87.5 for the last ten checks: the trend is about scores, not raw metrics.
    expect(last.body.trend).toBe('stable');
  });

  it('judges the trend of a late (backfilled) sample by the checks at or before its own time', async () => {
    // Metrics that score exactly 100 − 12.5·k: k metric-steps over warning, a critical one counting two.
    const scoring = (k: number) => ({
      cpu_usage: k >= 5 ? 95 : k >= 1 ? 80 : 30,
      memory_usage: k >= 6 ? 95 : k >= 2 ? 80 : 40,
      error_rate: k >= 7 ? 0.2 : k >= 3 ? 0.07 : 0.01,
      latency_ms: k >= 8 ? 6000 : k >= 4 ? 3000 : 200,
    });
    const t0 = Date.now() - 60 * 60_000;
    const at = (minute: number) => new Date(t0 + minute * 60_000).toISOString();
    const post = (k: number, minute: number) =>
      call(postHealth, { params: { name: 'backfill-svc' }, token, body: { ...scoring(k), timestamp: at(minute) } });

    // Minutes 0–8: the score falls steadily 100 → 0. Minutes 30–38: it sits at 0.
    for (let k = 0; k <= 8; k++) expect((await post(k, k)).body.health_score).toBe(100 - 12.5 * k);
    for (let m = 30; m <= 38; m++) await post(8, m);

    // A sample for minute 9 arrives late. Its own past is the decline; the later flat
    // zeros (checked_at > its time) must not be its "previous" scores.
    const late = await post(8, 9);
    expect(late.status).toBe(200);
    expect(late.body.checked_at).toBe(at(9));
    expect(late.body.health_score).toBe(0);
    expect(late.body.trend).toBe('declining');
  });

  it('reports improving when scores rise steadily', async () => {
    let last: any;
    const bad = [95, 92, 88, 85, 80, 72, 65, 50];
    for (const [i, cpu] of bad.entries()) {
      last = await call(postHealth, {
        params: { name: 'recovering-svc' },
        token,
        body: {
          cpu_usage: cpu,
          memory_usage: 95 - i * 4,
          error_rate: 0.2 - i * 0.025,
          latency_ms: 6000 - i * 600,
          timestamp: new Date(Date.now() - (bad.length - i) * 60_000).toISOString(),
        },
      });
    }
    expect(last.body.trend).toBe('improving');
  });

  it('applies per-component threshold overrides', async () => {
    const { db } = await testDatabase();
    const { upsertComponentConfig } = await import('@/db/queries/components');
    await upsertComponentConfig(db, 'strict-svc', { thresholds: { cpu_usage: { warning: 20 } } }, 'test');
    const res = await call(postHealth, {
      params: { name: 'strict-svc' },
      token,
      body: { cpu_usage: 25, memory_usage: 10, error_rate: 0, latency_ms: 10 },
    });
    expect(res.body.health_score).toBe(87.5);
    expect(res.body.warnings).toEqual([expect.stringContaining('cpu_usage')]);
  });
});
