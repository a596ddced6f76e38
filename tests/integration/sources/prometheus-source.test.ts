/**
 * Prometheus as a source, against a real Prometheus (tests/support/monitoring-stack.ts):
 * a ramp exporter scraped every second, with 20 minutes of the same series remote-written
 * first. The admin creates the source with the README's block verbatim; the console backfills
 * the last hour through query_range, then pulls with query, each time through the same
 * health check POST /health runs, and must predict the CPU ramp's crossing and see the leak.
 * Bad definitions are refused (400 naming the field, nothing stored); bad queries become
 * the source's status and store nothing.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as overviewRoute } from '@/app/api/v1/overview/route';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/prometheus-sources/route';
import { DELETE as deleteRoute, GET as getRoute, PUT as putRoute } from '@/app/api/v1/prometheus-sources/[id]/route';
import { POST as testRoute } from '@/app/api/v1/prometheus-sources/[id]/test/route';
import { statusesForComponents } from '@/db/queries/prometheus-sources';
import { healingTriggersFromEnv } from '@/lib/healing/triggers';
import { log } from '@/lib/log';
import { pullAllSources } from '@/lib/services/prometheus-puller';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { freePort, startPrometheus, type PrometheusServer } from '../../support/monitoring-stack';
import { historySeries, startRampExporter, type RampExporter } from '../../support/ramp-exporter';
import { remoteWrite } from '../../support/remote-write';

const TRIGGERS = healingTriggersFromEnv({});

let prom: PrometheusServer;
let exporter: RampExporter;
let admin: string;
let operator: string;
const HISTORY_MINUTES = 20;

/** The README's "Prometheus source" block: the JSON body of its curl call. */
function readmeSourceBody(): Record<string, unknown> {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- prometheus-source:start -->([\s\S]*?)<!-- prometheus-source:end -->/.exec(readme)?.[1];
  const json = block && /<<'JSON'\n([\s\S]*?)\nJSON\n/.exec(block)?.[1];
  if (!json) throw new Error('README.md has no Prometheus source block between its markers');
  return JSON.parse(json) as Record<string, unknown>;
}

async function count(table: string): Promise<number> {
  const database = await testDatabase();
  const [row] = await database.rawQuery<{ n: number | string }>(`select count(*) as n from ${table}`);
  return Number(row!.n);
}

async function pass(now = new Date()) {
  const { db } = await testDatabase();
  return pullAllSources(db, { triggers: TRIGGERS, now: new Date(Math.floor(now.getTime() / 1000) * 1000), intervalSeconds: 60 });
}

beforeAll(async () => {
  const startMs = Date.now() - HISTORY_MINUTES * 60_000;
  const shape = { startMs, cpuStart: 30, cpuPerMinute: 2.5, memStart: 40, memPerMinute: 1 };
  exporter = await startRampExporter(shape);
  prom = await startPrometheus({
    config: `global: { scrape_interval: 1s }
scrape_configs:
  - job_name: exporter
    static_configs: [{ targets: ['127.0.0.1:${exporter.port}'] }]
`,
  });
  await prom.waitForTarget('exporter');
  // History first, then the live scrape continues the same series (no out-of-order samples).
  const target = { job: 'exporter', instance: `127.0.0.1:${exporter.port}` };
  await remoteWrite(prom.url, historySeries(shape, 'checkout', target, Date.now() - 2_000, 15_000));
  await exporter.enable();
  // Until every README query answers (the live scrape has joined the history; right after it
  // starts, a ratio of two series briefly has no value), the source would rightly report an empty result.
  const queries = Object.values(readmeSourceBody().queries as Record<string, string>).map((q) => q.replaceAll('$component', 'checkout'));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answers = (await Promise.all(queries.map((q) => prom.query(q)))) as { result: unknown[] }[];
    if (answers.every((a) => a.result.length === 1)) break;
    if (Date.now() > deadline) throw new Error(`queries never answered: ${JSON.stringify(answers)}\n${prom.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  admin = await createTestToken('admin');
  operator = await createTestToken('operator');
}, 90_000);

afterAll(async () => {
  await prom?.close();
  await exporter?.close();
});

function sourceBody(overrides: Record<string, unknown> = {}) {
  return { ...readmeSourceBody(), base_url: prom.url, ...overrides };
}

describe('the README source against a real Prometheus', () => {
  let id: string;

  it('is created by an admin only; the answer shows the definition and no status yet', async () => {
    const denied = await call(createRoute, { token: operator, body: sourceBody() });
    expect(denied.status).toBe(403);
    const created = await call(createRoute, { token: admin, body: sourceBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'prod-prometheus', base_url: prom.url, auth: { kind: 'none' }, components: ['checkout'], statuses: [] });
    id = created.body.id;
  });

  it('"Test queries" shows what each query returns now, and stores nothing', async () => {
    const before = await count('metric_samples');
    const tested = await call(testRoute, { token: admin, params: { id }, body: {} });
    expect(tested.status).toBe(200);
    expect(tested.body.component).toBe('checkout');
    const byMetric = Object.fromEntries(tested.body.results.map((r: { metric: string; value: number }) => [r.metric, r]));
    expect(Object.keys(byMetric)).toEqual(['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms', 'memory_mb']);
    for (const r of tested.body.results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true, error: null });
    expect(byMetric.cpu_usage.value).toBeGreaterThan(60); // 80 % now; rate()[1m] lags a rising counter
    expect(byMetric.cpu_usage.value).toBeLessThan(90);
    expect(byMetric.error_rate.value).toBeCloseTo(0.01, 3);
    expect(byMetric.latency_ms.value).toBeCloseTo(120, 0);
    expect(byMetric.memory_usage.value).toBeGreaterThan(55);
    expect(await count('metric_samples')).toBe(before);
  });

  it('the first pass backfills the last hour, and the real health check predicts the ramp crossing 90 % and sees the leak', async () => {
    const totals = await pass();
    expect(totals).toMatchObject({ sources: 1, ok: 1, failed: 0, errors: 0 });
    const database = await testDatabase();
    const checks = await database.rawQuery<{ checked_at: string; prediction_level: string; reasons: string[]; leak_detected: boolean; result: { failure_prediction: { minutes_to_failure: number | null } } }>(
      `select hc.checked_at, hc.prediction_level, hc.reasons, hc.leak_detected, hc.result from health_checks hc join components c on c.id = hc.component_id where c.name = 'checkout' order by hc.checked_at`,
    );
    // One check per minute of the 20 minutes of history (the first minute has no rate yet).
    expect(checks.length).toBeGreaterThanOrEqual(HISTORY_MINUTES - 2);
    expect(checks.length).toBeLessThanOrEqual(HISTORY_MINUTES + 1);
    const latest = checks.at(-1)!;
    expect(['high', 'critical']).toContain(latest.prediction_level);
    expect(latest.reasons.join(' ')).toMatch(/cpu_usage projected to reach 90/);
    // cpu ≈ 80 % rising 2.5 %/min: about 4 minutes to 90 %.
    expect(latest.result.failure_prediction.minutes_to_failure).toBeGreaterThan(2);
    expect(latest.result.failure_prediction.minutes_to_failure).toBeLessThan(7);
    expect(latest.leak_detected).toBe(true);
    const brain = await database.rawQuery<{ n: number | string }>(`select count(*) as n from unified_brain where action_type = 'proactive_health_check'`);
    expect(Number(brain[0]!.n)).toBe(checks.length);
    const [status] = await statusesForComponents(database.db, ['checkout']);
    expect(status).toMatchObject({ source: 'prod-prometheus', ok: true, error: null });
    expect(status!.backfilledAt).not.toBeNull();
  });

  it('later passes pull one instant sample each (no second backfill)', async () => {
    const before = await count('health_checks');
    await pass(new Date(Date.now()));
    expect(await count('health_checks')).toBe(before + 1);
  });

  it('GET and PUT never show the secret; a PUT without it keeps it', async () => {
    const spy = vi.spyOn(log, 'info');
    const withToken = await call(putRoute, { method: 'PUT', token: admin, params: { id }, body: sourceBody({ auth: { kind: 'bearer', token: 's3cret-token-value' } }) });
    expect(withToken.status).toBe(200);
    expect(withToken.body.auth).toEqual({ kind: 'bearer', token_set: true });
    const kept = await call(putRoute, { method: 'PUT', token: admin, params: { id }, body: sourceBody({ auth: { kind: 'bearer' } }) });
    expect(kept.status).toBe(200);
    const listed = await call(listRoute, { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain('s3cret');
    expect(JSON.stringify((await call(getRoute, { token: admin, params: { id } })).body)).not.toContain('s3cret');
    const { db } = await testDatabase();
    const { prometheusSourceById } = await import('@/db/queries/prometheus-sources');
    expect((await prometheusSourceById(db, id))!.authSecret).toBe('s3cret-token-value');
    expect(JSON.stringify(spy.mock.calls)).not.toContain('s3cret');
    spy.mockRestore();
    // Prometheus ignores the header; the pull still works with it.
    await call(putRoute, { method: 'PUT', token: admin, params: { id }, body: sourceBody() });
  });
});

describe('pull failures are the source status, never health', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['bad-promql', { cpu_usage: 'max(rate(process_cpu_seconds_total{service="$component"}[1m])' }, /cpu_usage: Prometheus refused the query \(bad_data: /],
    ['several-series', { error_rate: 'rate(http_requests_total{service="$component"}[1m])' }, /error_rate: the query returned 2 series .*exactly one/],
    ['a-string', { latency_ms: '"fast"' }, /latency_ms: the query returned a string, not a number/],
    ['empty-result', { memory_usage: 'max(no_such_metric{service="$component"})' }, /memory_usage: the query returned no series \(empty result\)/],
    ['out-of-range', { cpu_usage: '1000 * max(rate(process_cpu_seconds_total{service="$component"}[1m]))' }, /cpu_usage: value [\d.]+ is out of range: cpu_usage must be a percentage between 0 and 100/],
  ];

  it('one failing source does not stop the others; each says what is wrong, and nothing of theirs is stored', async () => {
    const readme = readmeSourceBody();
    // Each source serves its own (unknown) component but reads checkout's series, so only its one bad query fails.
    const checkoutQueries = Object.fromEntries(Object.entries(readme.queries as Record<string, string>).map(([k, q]) => [k, q.replaceAll('$component', 'checkout')]));
    for (const [name, queries] of cases) {
      const fixed = Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, q.replaceAll('$component', 'checkout')]));
      const created = await call(createRoute, {
        token: admin,
        body: { ...readme, name, base_url: prom.url, components: [`svc-${name}`], queries: { ...checkoutQueries, ...fixed } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const port = await freePort();
    expect((await call(createRoute, { token: admin, body: { ...readme, name: 'unreachable', base_url: `http://127.0.0.1:${port}`, components: ['svc-unreachable'] } })).status).toBe(201);

    const before = await count('metric_samples');
    const totals = await pass();
    expect(totals.errors).toBe(0);
    expect(totals.failed).toBe(cases.length + 1);
    expect(totals.ok).toBe(1); // the README source still pulls
    expect(await count('metric_samples')).toBe(before + 1);

    const { db } = await testDatabase();
    const statuses = await statusesForComponents(db);
    for (const [name, , expected] of cases) {
      const status = statuses.find((s) => s.component === `svc-${name}`);
      expect(status, name).toMatchObject({ ok: false });
      expect(status!.error).toMatch(expected);
      expect(status!.lastSampleAt).toBeNull();
    }
    expect(statuses.find((s) => s.component === 'svc-unreachable')!.error).toBe('cpu_usage: Prometheus unreachable');
    // The overview polls its failing sources with its components: the failing pulls only, none that works.
    const polled = await call(overviewRoute, { token: admin });
    expect(polled.status).toBe(200);
    const failing = polled.body.failing_sources as { component: string; ok: boolean; error: string }[];
    expect(failing.map((s) => s.component).sort()).toEqual([...cases.map(([name]) => `svc-${name}`), 'svc-unreachable'].sort());
    expect(failing.every((s) => !s.ok && s.error)).toBe(true);
    const database = await testDatabase();
    const stored = await database.rawQuery<{ n: number | string }>(`select count(*) as n from components where name like 'svc-%'`);
    expect(Number(stored[0]!.n)).toBe(0);
  });

  it('"Test queries" on a failing source says so per metric', async () => {
    const list = await call(listRoute, { token: admin });
    const several = list.body.sources.find((s: { name: string }) => s.name === 'several-series');
    expect(several.statuses[0]).toMatchObject({ component: 'svc-several-series', ok: false });
    const tested = await call(testRoute, { token: admin, params: { id: several.id }, body: {} });
    const errorRate = tested.body.results.find((r: { metric: string }) => r.metric === 'error_rate');
    expect(errorRate).toMatchObject({ ok: false, value: null });
    expect(errorRate.error).toMatch(/returned 2 series/);
    const unknown = await call(testRoute, { token: admin, params: { id: several.id }, body: { component: 'checkout' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^component: /);
  });
});

describe('bad definitions: 400 naming the field, nothing stored', () => {
  const bad: [string, (b: Record<string, any>) => Record<string, unknown>, string][] = [
    ['a bad URL', (b) => ({ ...b, base_url: 'not a url' }), 'base_url'],
    ['credentials in the URL', (b) => ({ ...b, base_url: 'http://user:pw@prometheus:9090' }), 'base_url'],
    ['an unknown metric key', (b) => ({ ...b, queries: { ...b.queries, disk_usage: 'up' } }), 'queries.disk_usage'],
    ['an empty query', (b) => ({ ...b, queries: { ...b.queries, cpu_usage: '  ' } }), 'queries.cpu_usage'],
    ['a missing query', (b) => ({ ...b, queries: { ...b.queries, latency_ms: undefined } }), 'queries.latency_ms'],
    ['no component', (b) => ({ ...b, components: [] }), 'components'],
    ['a bad component name', (b) => ({ ...b, components: ['Checkout!'] }), 'components[0]'],
    ['a bearer source without a token', (b) => ({ ...b, auth: { kind: 'bearer' } }), 'auth.token'],
    ['a metadata address', (b) => ({ ...b, base_url: 'http://169.254.169.254:9090' }), 'base_url'],
    ['a private address the admin did not allow', (b) => ({ ...b, base_url: 'http://10.1.2.3:9090' }), 'base_url'],
  ];
  for (const [what, change, field] of bad) {
    it(what, async () => {
      const before = await count('prometheus_sources');
      const answer = await call(createRoute, { token: admin, body: change({ ...readmeSourceBody(), name: 'bad-one' }) });
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(answer.body.message).toContain(field);
      expect(await count('prometheus_sources')).toBe(before);
    });
  }

  it('a taken name is a 409 naming name; deleting removes the source and its statuses', async () => {
    const taken = await call(createRoute, { token: admin, body: sourceBody() });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/^name: /);
    const list = await call(listRoute, { token: admin });
    const victim = list.body.sources.find((s: { name: string }) => s.name === 'a-string');
    expect((await call(deleteRoute, { method: 'DELETE', token: admin, params: { id: victim.id } })).status).toBe(204);
    const { db } = await testDatabase();
    expect((await statusesForComponents(db, ['svc-a-string'])).length).toBe(0);
    expect((await call(getRoute, { token: admin, params: { id: victim.id } })).status).toBe(404);
  });
});

describe('credentials travel as the Authorization header', () => {
  it('bearer and basic are sent to the server, and only there', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.authorization);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [Date.now() / 1000, '1'] }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    try {
      const body = { ...sourceBody(), name: 'with-auth', base_url: `http://127.0.0.1:${address.port}/prometheus/`, components: ['auth-check'] };
      const bearer = await call(createRoute, { token: admin, body: { ...body, auth: { kind: 'bearer', token: 'tok-123' } } });
      await call(testRoute, { token: admin, params: { id: bearer.body.id }, body: {} });
      expect(seen.at(-1)).toBe('Bearer tok-123');
      await call(putRoute, { method: 'PUT', token: admin, params: { id: bearer.body.id }, body: { ...body, auth: { kind: 'basic', username: 'amy', password: 'pw' } } });
      await call(testRoute, { token: admin, params: { id: bearer.body.id }, body: {} });
      expect(seen.at(-1)).toBe(`Basic ${Buffer.from('amy:pw').toString('base64')}`);
      await call(deleteRoute, { method: 'DELETE', token: admin, params: { id: bearer.body.id } });
    } finally {
      server.close();
    }
  });
});

describe('the address rule at call time', () => {
  it('a source on loopback is refused once the admin no longer allows loopback, and says so', async () => {
    const { db } = await testDatabase();
    const { setHookAllowedRanges } = await import('@/db/queries/settings');
    await setHookAllowedRanges(db, [], 'test');
    try {
      const before = await count('metric_samples');
      await pass();
      expect(await count('metric_samples')).toBe(before);
      const [status] = await statusesForComponents(db, ['checkout']);
      expect(status).toMatchObject({ ok: false });
      expect(status!.error).toMatch(/^cpu_usage: Prometheus call refused: /);
      expect(status!.error).not.toContain('127.0.0.1');
    } finally {
      await setHookAllowedRanges(db, ['127.0.0.0/8', '::1/128'], 'test');
    }
  });
});
