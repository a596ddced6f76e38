/**
 * Every documented operation is called in-process — a success and an error
 * each — and its real answer (status, media type, body) is checked against the
 * OpenAPI document (tests/support/openapi-check.ts). The last test fails when an
 * operation of the document was not exercised here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { POST as postAlertmanager } from '@/app/api/v1/alerts/alertmanager/route';
import { GET as getExport } from '@/app/api/v1/analytics/export/route';
import { POST as postApprove } from '@/app/api/v1/approvals/[id]/approve/route';
import { POST as postReject } from '@/app/api/v1/approvals/[id]/reject/route';
import { GET as getApprovals } from '@/app/api/v1/approvals/route';
import { POST as postCheck } from '@/app/api/v1/components/[name]/health/route';
import { POST as postCleanup } from '@/app/api/v1/components/[name]/memory-leaks/cleanup/route';
import { POST as postRestart } from '@/app/api/v1/components/[name]/restart/route';
import { POST as postRollback } from '@/app/api/v1/components/[name]/rollback/route';
import { POST as postScale } from '@/app/api/v1/components/[name]/scale/route';
import { GET as getComponentPage } from '@/app/api/v1/components/[name]/dashboard/route';
import { GET as getComponent, PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { GET as getComponents } from '@/app/api/v1/components/route';
import { POST as postRecover } from '@/app/api/v1/db/recover/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getOverview } from '@/app/api/v1/overview/route';
import { POST as postSourceTest } from '@/app/api/v1/prometheus-sources/[id]/test/route';
import { DELETE as deleteSource, GET as getSource, PUT as putSource } from '@/app/api/v1/prometheus-sources/[id]/route';
import { GET as getSources, POST as postSource } from '@/app/api/v1/prometheus-sources/route';
import { GET as getRemediation } from '@/app/api/v1/remediations/[id]/route';
import { GET as getRemediations } from '@/app/api/v1/remediations/route';
import { GET as getScrape } from '@/app/metrics/route';
import { getDatabase } from '@/db/client';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';
import { createTestToken, type CallOptions } from '../helpers/api';
import { webhookPayload } from '../support/alertmanager-payload';
import { startRenderStandIn, type RenderStandIn } from '../support/render-stand-in';
import { documentedOperations, expectDocumented } from '../support/openapi-check';

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** Which operations answered what, to prove at the end that each had a success and an error. */
const seen = new Map<string, { ok: boolean; error: boolean }>();

/** Calls the handler of `METHOD path`, expects `status`, and checks the answer against the document. */
async function check(operation: string, handler: Handler, status: number, options: CallOptions<any> = {}) {
  const [method, template] = operation.split(' ') as [string, string];
  const query = options.path?.includes('?') ? options.path.slice(options.path.indexOf('?')) : '';
  const path = template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(options.params?.[key]))) + query;
  const raw = await rawCall(handler, { ...options, method, path });
  expect(raw.status, `${operation} → ${raw.status}: ${raw.text.slice(0, 300)}`).toBe(status);
  const body = (raw.headers.get('content-type') ?? '').includes('json') && raw.text ? JSON.parse(raw.text) : raw.text;
  expectDocumented(method, template, { status: raw.status, body, headers: raw.headers });
  const entry = seen.get(operation) ?? { ok: false, error: false };
  if (status < 400) entry.ok = true;
  else entry.error = true;
  seen.set(operation, entry);
  return body;
}

/** Like helpers/api's call, keeping the raw text (a CSV export is not JSON). */
async function rawCall(handler: Handler, options: CallOptions<any> & { method: string; path: string }) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const request = new Request(`http://console.test${options.path}`, { method: options.method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

let render: RenderStandIn;
let viewer: string;
let operator: string;
let approver: string;
let admin: string;
const sample = { cpu_usage: 40, memory_usage: 50, error_rate: 0.01, latency_ms: 120, memory_mb: 300 };

beforeAll(async () => {
  render = await startRenderStandIn({
    apiKey: 'rnd_openapi',
    services: {
      'srv-doc2': { numInstances: 2 },
      'srv-doc1': { deploys: [{ id: 'dep-2', status: 'live', commit: { id: 'c2' } }, { id: 'dep-1', status: 'deactivated', commit: { id: 'c1' } }] },
    },
  });
  process.env.RENDER_API_URL = render.url;
  process.env.RENDER_API_KEY = 'rnd_openapi';
  [viewer, operator, approver, admin] = await Promise.all([
    createTestToken('viewer', 'doc-viewer'),
    createTestToken('operator', 'doc-operator'),
    createTestToken('approver', 'doc-approver'),
    createTestToken('admin', 'doc-admin'),
  ]);
});
afterAll(() => render.close());

describe('real answers match the OpenAPI document', () => {
  it('console health and the document itself', async () => {
    await check('GET /api/health', getHealth, 200);
    const document = await check('GET /api/v1/openapi.json', getOpenApi, 200, { token: viewer });
    expect(document.openapi).toBe('3.1.0');
    await check('GET /api/v1/openapi.json', getOpenApi, 401);
  });

  it('components: register, update, read, list, overview', async () => {
    await check('PUT /api/v1/components/{name}', putComponent, 201, {
      params: { name: 'doc-staging' },
      token: admin,
      body: { environment: 'staging', render_service_id: 'srv-doc1', thresholds: { latency_ms: { warning: 800, critical: 1500 } } },
    });
    await check('PUT /api/v1/components/{name}', putComponent, 200, { params: { name: 'doc-staging' }, token: operator, body: {} });
    await check('PUT /api/v1/components/{name}', putComponent, 403, { params: { name: 'doc-staging' }, token: operator, body: { policy: 'never' } });
    await check('PUT /api/v1/components/{name}', putComponent, 400, { params: { name: 'doc-staging' }, token: operator, body: { colour: 'red' } });
    await check('PUT /api/v1/components/{name}', putComponent, 201, {
      params: { name: 'doc-prod' },
      token: admin,
      body: { environment: 'production', render_service_id: 'srv-doc1' },
    });
    await check('POST /api/v1/components/{name}/health', postCheck, 200, { params: { name: 'doc-staging' }, token: operator, body: sample });
    await check('POST /api/v1/components/{name}/health', postCheck, 400, { params: { name: 'doc-staging' }, token: operator, body: { ...sample, cpu_usage: 101 } });
    await check('POST /api/v1/components/{name}/health', postCheck, 400, { params: { name: 'Not A Name' }, token: operator, body: sample });
    await check('GET /api/v1/components/{name}', getComponent, 200, { params: { name: 'doc-staging' }, token: viewer });
    await check('GET /api/v1/components/{name}', getComponent, 404, { params: { name: 'nobody' }, token: viewer });
    await check('GET /api/v1/components/{name}/dashboard', getComponentPage, 200, { params: { name: 'doc-staging' }, path: '?range=6h', token: viewer });
    await check('GET /api/v1/components/{name}/dashboard', getComponentPage, 400, { params: { name: 'doc-staging' }, path: '?range=2y', token: viewer });
    await check('GET /api/v1/components', getComponents, 200, { token: viewer });
    await check('GET /api/v1/components', getComponents, 401, { token: 'shc_not_a_token' });
    await check('GET /api/v1/overview', getOverview, 200, { token: viewer });
    await check('GET /api/v1/overview', getOverview, 401);
  });

  it('batches', async () => {
    const samples = [{ component: 'doc-staging', ...sample }, { component: 'doc-batch', ...sample, timestamp: new Date().toISOString() }];
    await check('POST /api/v1/metrics', postMetrics, 200, { token: operator, body: { samples } });
    await check('POST /api/v1/metrics', postMetrics, 400, { token: operator, body: { samples: [{ component: 'doc-batch' }] } });
    await check('POST /api/v1/metrics', postMetrics, 415, { token: operator, body: 'samples=1', headers: { 'content-type': 'text/plain' } });
    await check('POST /api/v1/metrics', postMetrics, 403, { token: viewer, body: { samples } });
  });

  it('actions: low risk runs (200), high risk waits (202), refusals (400/404/409)', async () => {
    await check('POST /api/v1/components/{name}/restart', postRestart, 200, { params: { name: 'doc-staging' }, token: operator });
    await check('POST /api/v1/components/{name}/restart', postRestart, 409, { params: { name: 'doc-staging' }, token: operator });
    const pending = await check('POST /api/v1/components/{name}/restart', postRestart, 202, { params: { name: 'doc-prod' }, token: operator });
    await check('POST /api/v1/components/{name}/restart', postRestart, 400, { params: { name: 'doc-prod' }, token: operator, body: { service_id: 'nope' } });

    await check('POST /api/v1/components/{name}/rollback', postRollback, 200, { params: { name: 'doc-staging' }, token: operator, body: { rollback_type: 'deployment' } });
    await check('POST /api/v1/components/{name}/rollback', postRollback, 400, { params: { name: 'doc-staging' }, token: operator });
    await check('POST /api/v1/components/{name}/rollback', postRollback, 404, { params: { name: 'nobody' }, token: operator, body: { rollback_type: 'config' } });
    const pendingRollback = await check('POST /api/v1/components/{name}/rollback', postRollback, 202, {
      params: { name: 'doc-prod' },
      token: operator,
      body: { rollback_type: 'deployment' },
    });

    await check('POST /api/v1/components/{name}/memory-leaks/cleanup', postCleanup, 200, { params: { name: 'doc-staging' }, token: operator });
    await check('POST /api/v1/components/{name}/memory-leaks/cleanup', postCleanup, 403, { params: { name: 'doc-staging' }, token: viewer });

    await check('PUT /api/v1/components/{name}', putComponent, 201, { params: { name: 'doc-scale' }, token: admin, body: { environment: 'staging', render_service_id: 'srv-doc2', max_instances: 4 } });
    await check('POST /api/v1/components/{name}/scale', postScale, 400, { params: { name: 'doc-scale' }, token: operator });
    await check('POST /api/v1/components/{name}/scale', postScale, 200, { params: { name: 'doc-scale' }, token: operator, body: { by: 1 } });

    // Remediations and the approval queue.
    const id: string = pending.remediation.id;
    await check('GET /api/v1/remediations/{id}', getRemediation, 200, { params: { id }, token: viewer });
    await check('GET /api/v1/remediations/{id}', getRemediation, 404, { params: { id: '00000000-0000-4000-8000-000000000000' }, token: viewer });
    await check('GET /api/v1/remediations/{id}', getRemediation, 400, { params: { id: 'x' }, token: viewer });
    await check('GET /api/v1/remediations', getRemediations, 200, { token: viewer, path: '?status=pending_approval,succeeded&limit=10' });
    await check('GET /api/v1/remediations', getRemediations, 400, { token: viewer, path: '?limit=0' });
    await check('GET /api/v1/approvals', getApprovals, 200, { token: viewer });
    await check('GET /api/v1/approvals', getApprovals, 401);

    await check('POST /api/v1/approvals/{id}/approve', postApprove, 403, { params: { id }, token: operator });
    await check('POST /api/v1/approvals/{id}/approve', postApprove, 200, { params: { id }, token: approver });
    await check('POST /api/v1/approvals/{id}/approve', postApprove, 409, { params: { id }, token: approver });
    await check('POST /api/v1/approvals/{id}/reject', postReject, 400, { params: { id: pendingRollback.remediation.id }, token: approver, body: {} });
    await check('POST /api/v1/approvals/{id}/reject', postReject, 200, {
      params: { id: pendingRollback.remediation.id },
      token: approver,
      body: { reason: 'deploy freeze' },
    });
  });

  it('analytics export, as JSON and as CSV', async () => {
    await check('GET /api/v1/analytics/export', getExport, 200, { token: viewer, path: '?format=json&window=24h' });
    const csv = await check('GET /api/v1/analytics/export', getExport, 200, { token: viewer, path: '?format=csv' });
    expect(csv).toMatch(/^id,executed_at,agent_name/);
    await check('GET /api/v1/analytics/export', getExport, 400, { token: viewer, path: '?window=1y' });
  });

  it('prometheus sources: create, list, read, replace, test, remove', async () => {
    const definition = {
      name: 'doc-prom',
      // Nothing listens there: "test queries" still answers 200, each query ok: false with its error.
      base_url: 'http://127.0.0.1:9',
      auth: { kind: 'bearer', token: 'prom-secret' },
      queries: { cpu_usage: 'cpu{c="$component"}', memory_usage: 'mem{c="$component"}', error_rate: 'err{c="$component"}', latency_ms: 'lat{c="$component"}' },
      components: ['doc-staging'],
    };
    const created = await check('POST /api/v1/prometheus-sources', postSource, 201, { token: admin, body: definition });
    expect(created.auth).toEqual({ kind: 'bearer', token_set: true });
    await check('POST /api/v1/prometheus-sources', postSource, 409, { token: admin, body: definition });
    const bad = await check('POST /api/v1/prometheus-sources', postSource, 400, { token: admin, body: { ...definition, name: 'Bad Name' } });
    expect(bad.issues.map((i: { field: string }) => i.field)).toEqual(['name']);
    await check('POST /api/v1/prometheus-sources', postSource, 403, { token: operator, body: definition });
    await check('GET /api/v1/prometheus-sources', getSources, 200, { token: admin });
    await check('GET /api/v1/prometheus-sources', getSources, 403, { token: viewer });
    const id: string = created.id;
    const missing = '00000000-0000-4000-8000-000000000000';
    await check('GET /api/v1/prometheus-sources/{id}', getSource, 200, { params: { id }, token: admin });
    await check('GET /api/v1/prometheus-sources/{id}', getSource, 404, { params: { id: missing }, token: admin });
    const { auth: _auth, ...withoutSecret } = definition;
    await check('PUT /api/v1/prometheus-sources/{id}', putSource, 200, { params: { id }, token: admin, body: { ...withoutSecret, auth: { kind: 'bearer' } } });
    await check('PUT /api/v1/prometheus-sources/{id}', putSource, 404, { params: { id: missing }, token: admin, body: definition });
    const tested = await check('POST /api/v1/prometheus-sources/{id}/test', postSourceTest, 200, { params: { id }, token: admin });
    expect(tested.results.every((r: { ok: boolean }) => !r.ok)).toBe(true);
    await check('POST /api/v1/prometheus-sources/{id}/test', postSourceTest, 400, { params: { id }, token: admin, body: { component: 'doc-prod' } });
    await check('DELETE /api/v1/prometheus-sources/{id}', deleteSource, 204, { params: { id }, token: admin });
    await check('DELETE /api/v1/prometheus-sources/{id}', deleteSource, 404, { params: { id }, token: admin });
  });

  it('the Alertmanager receiver and the Prometheus scrape endpoint', async () => {
    const payload = webhookPayload([{ labels: { alertname: 'DocAlert', component: 'doc-nobody' } }]);
    const answer = await check('POST /api/v1/alerts/alertmanager', postAlertmanager, 200, { token: operator, body: payload });
    expect(answer.unmatched).toHaveLength(1);
    const bad = await check('POST /api/v1/alerts/alertmanager', postAlertmanager, 400, { token: operator, body: { ...payload, version: '3' } });
    expect(bad.issues.map((i: { field: string }) => i.field)).toEqual(['version']);
    const text = await check('GET /metrics', getScrape, 200, { token: viewer });
    expect(text).toMatch(/^# HELP /m);
    await check('GET /metrics', getScrape, 401);
  });

  it('database recovery, and every route while the database is known to be down', async () => {
    await check('POST /api/v1/db/recover', postRecover, 200, { token: operator });
    await check('POST /api/v1/db/recover', postRecover, 403, { token: viewer });
    // The watchdog believes the database down until its probe (held here) gets through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    reportDatabaseFailure(new Error('test: connection lost'), async () => {
      await held;
      return getDatabase();
    });
    try {
      await check('GET /api/health', getHealth, 503);
      await check('POST /api/v1/db/recover', postRecover, 503, { token: operator });
      await check('GET /api/v1/components', getComponents, 503, { token: viewer });
    } finally {
      release();
    }
    await expect.poll(() => databaseDegradedSince(), { timeout: 10_000 }).toBeNull();
  });

  it('called every documented operation, with a success and an error', () => {
    const missing = documentedOperations().filter((op) => !seen.get(op)?.ok || !seen.get(op)?.error);
    expect(missing, 'operations without a checked success and error answer').toEqual([]);
  });
});
