/**
 * What the console's /metrics counts beyond requests: executor calls by
 * outcome (Render against its stand-in, cleanup hooks), reconciler passes and
 * their counts, remediation outcomes, approvals pending and decision latency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as reject } from '@/app/api/v1/approvals/[id]/reject/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { GET as getMetrics } from '@/app/metrics/route';
import { createCleanupHookExecutor } from '@/lib/executors/cleanup-hook';
import { createRenderExecutor } from '@/lib/executors/render';
import type { RetryOptions } from '@/lib/executors/retry';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { reconcileOnce, type ReconcilerDeps } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { call, createTestToken, testDatabase } from '../helpers/api';
import { startRenderStandIn, type RenderStandIn } from '../support/render-stand-in';
import { fakeRegistry, refusingCleanup, refusingService, servicesByName } from '../support/fake-executors';

const retry: RetryOptions = { random: () => 0, sleep: async () => {} };
let render: RenderStandIn;
let viewer: string;
let operator: string;
let approver: string;

beforeAll(async () => {
  render = await startRenderStandIn({ apiKey: 'rnd_test', services: { 'srv-ok1': {} } });
  viewer = await createTestToken('viewer', 'scraper');
  operator = await createTestToken('operator', 'collector');
  approver = await createTestToken('approver', 'on-call');
});
afterAll(() => render.close());

async function scrapeText(): Promise<string> {
  const response = await getMetrics(new Request('http://console.test/metrics', { headers: { authorization: `Bearer ${viewer}` } }), {
    params: Promise.resolve({}),
  });
  expect(response.status).toBe(200);
  return response.text();
}

function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function deltaOf(series: string[], work: () => Promise<unknown>): Promise<number[]> {
  const before = await scrapeText();
  await work();
  const after = await scrapeText();
  return series.map((s) => valueOf(after, s) - valueOf(before, s));
}

describe('executor calls by outcome', () => {
  it('Render: success, failure (an HTTP error) and not sent (no key)', async () => {
    const executor = createRenderExecutor({ apiKey: 'rnd_test', baseUrl: render.url, timeoutMs: 2000, retry: { ...retry, attempts: 1 } });
    const series = ['success', 'failure', 'not_sent'].map((o) => `shc_executor_calls_total{executor="render",action="restart",outcome="${o}"}`);
    const deltas = await deltaOf(series, async () => {
      expect((await executor.restart('srv-ok1')).success).toBe(true);
      render.inject('restart', [{ status: 500 }]);
      expect((await executor.restart('srv-ok1')).success).toBe(false);
      const keyless = createRenderExecutor({ apiKey: null, baseUrl: render.url, retry });
      expect((await keyless.restart('srv-ok1')).attempts).toBe(0);
    });
    expect(deltas).toEqual([1, 1, 1]);
  });

  it('cleanup hook: a refused URL is not_sent, an unreachable one a failure', async () => {
    const hook = createCleanupHookExecutor({ timeoutMs: 500, retry: { ...retry, attempts: 1 } });
    const series = ['failure', 'not_sent'].map((o) => `shc_executor_calls_total{executor="cleanup_hook",action="cleanup",outcome="${o}"}`);
    const deltas = await deltaOf(series, async () => {
      await hook.cleanup({ component: 'x', url: 'ftp://nowhere.test/cleanup', secret: null });
      await hook.cleanup({ component: 'x', url: 'http://127.0.0.1:9/cleanup', secret: null });
    });
    expect(deltas).toEqual([1, 1]);
  });
});

describe('reconciler, remediations and approvals', () => {
  it('a pass is timed and counted; its proposal is a pending approval; a rejection is a decision with its latency', async () => {
    const now = Date.now();
    const bad = { cpu_usage: 95, memory_usage: 60, error_rate: 0.2, latency_ms: 7000 };
    await call(postMetrics, { token: operator, body: { samples: [{ component: 'metrics-cart', timestamp: new Date(now - 1000).toISOString(), ...bad }] } });
    const settings = remediationSettingsFromEnv({});
    const why = 'must wait for approval';
    const deps = {
      settings,
      triggers: DEFAULT_HEALING_TRIGGERS,
      now: () => new Date(),
      executors: fakeRegistry(servicesByName(refusingService(why)), {
        cleanup: () => ({ executor: refusingCleanup(why), url: 'http://unused.test/cleanup', secret: null }),
      }),
    } satisfies ReconcilerDeps;

    const [passes, proposed, queued, pending] = await deltaOf(
      [
        'shc_reconciler_pass_duration_seconds_count{result="completed"}',
        'shc_reconciler_outcomes_total{count="proposed"}',
        'shc_reconciler_outcomes_total{count="queued"}',
        'shc_approvals_pending',
      ],
      async () => reconcileOnce((await testDatabase()).db, deps),
    );
    expect({ passes, proposed, queued, pending }).toEqual({ passes: 1, proposed: 1, queued: 1, pending: 1 });
    // Read from its reconciliation_cycle row, so a reconciler in another process shows too.
    const text = await scrapeText();
    expect(Math.abs(valueOf(text, 'shc_reconciler_last_pass_timestamp_seconds') - Date.now() / 1000)).toBeLessThan(60);
    expect(valueOf(text, 'shc_reconciler_last_pass_seconds')).toBeGreaterThanOrEqual(0);

    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ id: string }>(
      `select r.id from remediations r join components c on c.id = r.component_id where c.name = 'metrics-cart' and r.status = 'pending_approval'`,
    );
    const [decided, rejected, pendingAfter] = await deltaOf(
      ['shc_approval_decision_seconds_count{decision="rejected"}', 'shc_remediations_total{action="restart",outcome="rejected"}', 'shc_approvals_pending'],
      async () => {
        const res = await call(reject, { token: approver, params: { id: row!.id }, body: { reason: 'deploy freeze' } });
        expect(res.status).toBe(200);
      },
    );
    expect({ decided, rejected, pendingAfter }).toEqual({ decided: 1, rejected: 1, pendingAfter: -1 });
  });
});
