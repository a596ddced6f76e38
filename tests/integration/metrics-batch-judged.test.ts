/**
 * Issue 11 item 1: a batch is judged. A collector that only ever sends
 * POST /api/v1/metrics batches gets each component checked on its newest
 * sample — the same check as POST /components/{name}/health — so the
 * component is no longer `latest_health: null` and the reconciler acts on it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { GET as getComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { reconcileOnce, type ReconcilerDeps } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';
import { fakeRegistry, refusingCleanup, refusingService, servicesByName } from '../support/fake-executors';

let token: string;
beforeAll(async () => {
  token = await createTestToken('operator', 'collector');
});

const MIN = 60_000;

/** Ten calm minutes, then the bad sample last: cpu 95 %, error rate 20 %, latency 7 s. */
function collectorBatch(component: string, end = Date.now() - 1000) {
  const calm = Array.from({ length: 10 }, (_, i) => ({
    component,
    timestamp: new Date(end - (10 - i) * MIN).toISOString(),
    cpu_usage: 30 + i,
    memory_usage: 50,
    error_rate: 0.01,
    latency_ms: 200,
  }));
  return [...calm, { component, timestamp: new Date(end).toISOString(), cpu_usage: 95, memory_usage: 60, error_rate: 0.2, latency_ms: 7000 }];
}

function reconcilerDeps(): ReconcilerDeps {
  const settings = remediationSettingsFromEnv({});
  const why = 'a production component must wait for approval, not run';
  return {
    settings,
    triggers: DEFAULT_HEALING_TRIGGERS,
    now: () => new Date(),
    executors: fakeRegistry(servicesByName(refusingService(why)), {
      cleanup: () => ({ executor: refusingCleanup(why), url: 'http://unused.test/cleanup', secret: null }),
    }),
  };
}

describe('POST /api/v1/metrics judges each component on its newest sample', () => {
  it("the issue's example: judged, healing-triggered, visible to the reconciler", async () => {
    const before = await tableCounts();
    // Out of order on purpose: the newest sample is judged, wherever it sits in the batch.
    const samples = collectorBatch('checkout').reverse();
    const res = await call(postMetrics, { token, body: { samples } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 11, assessed: 1 });

    const after = await tableCounts();
    expect(after.metric_samples - before.metric_samples).toBe(11);
    expect(after.health_checks - before.health_checks).toBe(1);
    expect(after.unified_brain - before.unified_brain).toBe(1);

    const { rawQuery } = await testDatabase();
    const [check] = await rawQuery<{ cpu: number; health_score: number }>(
      `select s.cpu_usage as cpu, h.health_score from health_checks h join metric_samples s on s.id = h.sample_id
        join components c on c.id = h.component_id where c.name = 'checkout'`,
    );
    expect(check).toEqual({ cpu: 95, health_score: 25 }); // three criticals: 100 − 3 × 25
    const [brain] = await rawQuery<{ status: string; metadata: Record<string, any> }>(
      `select status, metadata from unified_brain where action_type = 'proactive_health_check' and metadata->>'component' = 'checkout'`,
    );
    expect(brain!.status).toBe('critical');
    for (const metric of ['cpu_usage', 'error_rate', 'latency_ms']) {
      expect(brain!.metadata.healing_triggers).toContainEqual(expect.stringContaining(metric));
    }
    // The collector is the evidence's sender, as with a single check.
    const [senders] = await rawQuery<{ evidence_senders: unknown }>(
      `select evidence_senders from health_checks h join components c on c.id = h.component_id where c.name = 'checkout'`,
    );
    expect(JSON.stringify(senders!.evidence_senders)).toContain('collector');

    const detail = await call(getComponent, { token, params: { name: 'checkout' } });
    expect(detail.body.latest_health).not.toBeNull();
    expect(detail.body.latest_health.healing_triggers).toEqual(brain!.metadata.healing_triggers);
    expect(detail.body.latest_health.metrics).toMatchObject({ cpu_usage: 95, error_rate: 0.2, latency_ms: 7000 });

    // The reconciler sees it: error rate over HEAL_ERROR_THRESH → a rollback (a restart without a
    // Render service or an earlier state), in production → waiting for approval.
    const counts = await reconcileOnce((await testDatabase()).db, reconcilerDeps());
    expect(counts.proposed).toBeGreaterThanOrEqual(1);
    const proposed = await rawQuery<{ action: string; status: string }>(
      `select r.action, r.status from remediations r join components c on c.id = r.component_id where c.name = 'checkout'`,
    );
    expect(proposed).toEqual([{ action: 'restart', status: 'pending_approval' }]);
  });

  it('judges exactly as a single /health check does: same report for the same history', async () => {
    const end = Date.now() - 2000;
    const viaBatch = collectorBatch('twin-batch', end);
    expect((await call(postMetrics, { token, body: { samples: viaBatch } })).body).toEqual({ accepted: 11, assessed: 1 });
    // The twin: the same history as a batch, then its newest sample as a single check.
    const history = collectorBatch('twin-single', end);
    const last = history.pop()!;
    await call(postMetrics, { token, body: { samples: history } });
    const { component: _name, ...single } = last;
    const direct = await call(postHealth, { token, params: { name: 'twin-single' }, body: single });
    expect(direct.status).toBe(200);
    const batchCheck = (await call(getComponent, { token, params: { name: 'twin-batch' } })).body.latest_health;
    // twin-single also got a check on its history's newest sample, so its trend saw one more score:
    // compare everything the history decides, the score and the triggers.
    expect({ ...batchCheck, component: 'x', trend: null }).toEqual({ ...direct.body, component: 'x', trend: null });
  });

  it('one check per component, several components in one batch', async () => {
    const before = await tableCounts();
    const samples = [...collectorBatch('multi-a'), ...collectorBatch('multi-b'), ...collectorBatch('multi-c')];
    const res = await call(postMetrics, { token, body: { samples } });
    expect(res.body).toEqual({ accepted: 33, assessed: 3 });
    const after = await tableCounts();
    expect(after.health_checks - before.health_checks).toBe(3);
    expect(after.unified_brain - before.unified_brain).toBe(3);
  });

  it('a bad item: 400 naming it, and neither samples nor checks stored', async () => {
    const before = await tableCounts();
    const samples = collectorBatch('bad-batch');
    const res = await call(postMetrics, { token, body: { samples: [...samples.slice(0, 3), { ...samples[3]!, error_rate: 20 }, ...samples.slice(4)] } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('samples[3].error_rate');
    expect(await tableCounts()).toEqual(before);
    const detail = await call(getComponent, { token, params: { name: 'bad-batch' } });
    expect(detail.status).toBe(404);
  });

  it('a batch over the component cap: 422, and no check of the components that fitted', async () => {
    const before = await tableCounts();
    const samples = Array.from({ length: 101 }, (_, i) => ({ ...collectorBatch(`cap-${i}`)[10]! }));
    const res = await call(postMetrics, { token, body: { samples } });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('component_limit');
    expect(await tableCounts()).toEqual(before);
  });
});
