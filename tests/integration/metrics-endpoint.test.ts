/**
 * GET /metrics (issue 11 item 4): the console's own metrics in Prometheus text
 * format — bearer token required, `promtool check metrics` clean, route
 * patterns rather than raw paths, nothing secret — and a real Prometheus
 * scraping it with the README's scrape job, verbatim.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { GET as getMetrics } from '@/app/metrics/route';
import { getDatabase } from '@/db/client';
import { resetEnvForTests } from '@/lib/env';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';
import { PROMTOOL_BIN, startPrometheus, type PrometheusServer } from '../support/monitoring-stack';
import { call, createTestToken } from '../helpers/api';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789';
let viewer: string;
let operator: string;

beforeAll(async () => {
  process.env.METRICS_TOKEN = METRICS_TOKEN;
  resetEnvForTests();
  viewer = await createTestToken('viewer', 'scraper');
  operator = await createTestToken('operator', 'collector');
});

afterAll(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
});

async function scrape(authorization?: string): Promise<{ status: number; text: string; type: string | null }> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await getMetrics(new Request('http://console.test/metrics', { headers }), { params: Promise.resolve({}) });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** The value of one series (exact label set as printed), or undefined. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function promtoolCheck(text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PROMTOOL_BIN, ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}

describe('GET /metrics', () => {
  it('401 without a token, with a wrong one, or with METRICS_TOKEN sent another way', async () => {
    for (const authorization of [undefined, 'Bearer not-the-token', `Basic ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN}x`]) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.text).not.toContain('shc_');
    }
  });

  it('answers METRICS_TOKEN and a viewer API token in Prometheus text format', async () => {
    for (const token of [METRICS_TOKEN, viewer]) {
      const res = await scrape(`Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.text).toContain('# TYPE shc_http_request_duration_seconds histogram');
      expect(valueOf(res.text, 'shc_database_up')).toBe(1);
      expect(valueOf(res.text, 'shc_database_probe_seconds')).toBeGreaterThan(0);
      expect(valueOf(res.text, 'shc_approvals_pending')).toBe(0);
    }
  });

  it('counts samples, checks and requests by route pattern — never the component name — and promtool accepts it', async () => {
    const before = (await scrape(`Bearer ${METRICS_TOKEN}`)).text;
    const now = Date.now();
    const sample = { cpu_usage: 95, memory_usage: 50, error_rate: 0.2, latency_ms: 7000 };
    const batch = [0, 1, 2].map((i) => ({ component: 'secret-project-x', timestamp: new Date(now - (3 - i) * 1000).toISOString(), ...sample }));
    expect((await call(postMetrics, { token: operator, body: { samples: batch }, path: '/api/v1/metrics' })).status).toBe(200);
    const single = await call(postHealth, { token: operator, params: { name: 'health' }, body: sample, path: '/api/v1/components/health/health' });
    expect(single.status).toBe(200);
    const bad = await call(postHealth, { token: operator, params: { name: 'health' }, body: { ...sample, error_rate: 5 }, path: '/api/v1/components/health/health' });
    expect(bad.status).toBe(400);

    const after = (await scrape(`Bearer ${METRICS_TOKEN}`)).text;
    const delta = (series: string) => (valueOf(after, series) ?? 0) - (valueOf(before, series) ?? 0);
    expect(delta('shc_samples_ingested_total{path="batch"}')).toBe(3);
    expect(delta('shc_samples_ingested_total{path="check"}')).toBe(1);
    expect(delta('shc_health_checks_total{status="critical"}')).toBe(2); // the batch's newest, and the single check
    expect(delta('shc_http_requests_total{route="/api/v1/metrics",method="POST",status="200"}')).toBe(1);
    expect(delta('shc_http_requests_total{route="/api/v1/components/[name]/health",method="POST",status="200"}')).toBe(1);
    expect(delta('shc_http_requests_total{route="/api/v1/components/[name]/health",method="POST",status="400"}')).toBe(1);
    expect(delta('shc_http_request_duration_seconds_count{route="/api/v1/components/[name]/health",method="POST",status="200"}')).toBe(1);
    expect(after).not.toContain('secret-project-x');
    expect(after).not.toMatch(/route="[^"]*\/health\/health"/);
    // Nothing secret: neither token, nor anything token-shaped.
    expect(after).not.toContain(METRICS_TOKEN);
    expect(after).not.toContain(viewer);
    expect(after).not.toMatch(/shc_[A-Za-z0-9]{20,}/);

    const check = await promtoolCheck(after);
    expect(check, check.output).toEqual({ code: 0, output: '' });
  });

  it('database down: METRICS_TOKEN still scrapes, shc_database_up 0 and the gauges it feeds NaN; API tokens get 503', async () => {
    let down = true;
    reportDatabaseFailure(new Error('connection refused (test)'), async () => {
      if (down) throw new Error('connection refused (test)');
      return getDatabase();
    });
    try {
      const res = await scrape(`Bearer ${METRICS_TOKEN}`);
      expect(res.status).toBe(200);
      expect(valueOf(res.text, 'shc_database_up')).toBe(0);
      expect(res.text).toMatch(/^shc_approvals_pending nan$/im);
      expect(res.text).toMatch(/^shc_database_probe_seconds nan$/im);
      const check = await promtoolCheck(res.text);
      expect(check, check.output).toEqual({ code: 0, output: "" });
      expect((await scrape(`Bearer ${viewer}`)).status).toBe(503);
    } finally {
      down = false;
      for (let i = 0; i < 200 && databaseDegradedSince(); i++) await new Promise((r) => setTimeout(r, 100));
    }
    expect(databaseDegradedSince()).toBeNull();
    expect(valueOf((await scrape(`Bearer ${METRICS_TOKEN}`)).text, 'shc_database_up')).toBe(1);
  }, 40_000);

  it('promtool check metrics fails on a broken exposition (the check can fail)', async () => {
    const check = await promtoolCheck('# TYPE x counter\nx{a="1" 1\n');
    expect(check.code).not.toBe(0);
  });
});

describe('a real Prometheus scraping /metrics with the README scrape job', () => {
  let server: Server;
  let prometheus: PrometheusServer | undefined;
  let target = '';

  beforeAll(async () => {
    // The route handler behind a plain HTTP server: what Next.js runs, minus Next.js.
    server = createServer((req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      void getMetrics(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers }), { params: Promise.resolve({}) }).then(
        async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    target = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await prometheus?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('the target is up and the console series are queryable', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- prometheus-scrape-job:[^>]*-->\n```yaml\n([\s\S]*?)```\n<!-- \/prometheus-scrape-job -->/.exec(readme)?.[1];
    expect(block, 'README scrape job block').toBeDefined();
    expect(block).toContain('<CONSOLE_HOST:PORT>');
    expect(block).toContain('<METRICS_TOKEN>');
    const config = block!.replaceAll('<CONSOLE_HOST:PORT>', target).replaceAll('<METRICS_TOKEN>', METRICS_TOKEN);
    prometheus = await startPrometheus({ config });
    await prometheus.waitForTarget('self-healing-console', 45_000);
    const up = (await prometheus.query('up{job="self-healing-console"}')) as { result: Array<{ value: [number, string] }> };
    expect(up.result.map((r) => r.value[1])).toEqual(['1']);
    const db = (await prometheus.query('shc_database_up{job="self-healing-console"}')) as { result: Array<{ value: [number, string] }> };
    expect(db.result.map((r) => r.value[1])).toEqual(['1']);
    const probe = (await prometheus.query('shc_database_probe_seconds{job="self-healing-console"}')) as { result: Array<{ value: [number, string] }> };
    expect(Number(probe.result[0]?.value[1])).toBeGreaterThan(0);
  }, 90_000);
});
