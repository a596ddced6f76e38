import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRenderExecutor, renderExecutorFromEnv } from '@/lib/executors/render';
import type { RetryOptions } from '@/lib/executors/retry';
import { startRenderStandIn, type RenderStandIn, type StandInDeploy } from '../../support/render-stand-in';

const KEY = 'rnd_test_key_123';
const SERVICE = 'srv-api1';

const deploys = (): StandInDeploy[] => [
  { id: 'dep-4', status: 'live', commit: { id: 'c4c4c4c4c4', message: 'Add caching' } },
  { id: 'dep-3', status: 'build_failed', commit: { id: 'c3c3c3c3c3' } },
  { id: 'dep-2', status: 'canceled', commit: { id: 'c2c2c2c2c2' } },
  { id: 'dep-1', status: 'deactivated', commit: { id: 'c1c1c1c1c1', message: 'Known good' } },
  { id: 'dep-0', status: 'deactivated', commit: { id: 'c0c0c0c0c0' } },
];

let render: RenderStandIn;
let delays: number[];
/** No real waiting: delays are recorded; random 0 makes backoff 0 unless the server asks. */
let retry: RetryOptions;

beforeEach(async () => {
  render = await startRenderStandIn({
    apiKey: KEY,
    services: { [SERVICE]: { deploys: deploys() }, 'srv-single': { deploys: [{ id: 'dep-only', status: 'live' }] } },
  });
  delays = [];
  retry = { random: () => 0, sleep: async (ms) => void delays.push(ms) };
});
afterEach(() => render.close());

const executor = (overrides: Partial<Parameters<typeof createRenderExecutor>[0]> = {}) =>
  createRenderExecutor({ apiKey: KEY, baseUrl: render.url, timeoutMs: 200, retry, ...overrides });

describe('Render restart', () => {
  it('POSTs /services/{id}/restart with the bearer key and reports success', async () => {
    const outcome = await executor().restart(SERVICE);
    expect(outcome).toEqual({ success: true, status_code: 200, attempts: 1, message: 'Service restart initiated' });
    expect(render.requests).toHaveLength(1);
    const [request] = render.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/v1/services/${SERVICE}/restart`, rawBody: '' });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers['content-type']).toBeUndefined(); // no body, no content type
  });

  it('retries a 429, waiting what Retry-After asks', async () => {
    render.inject('restart', [{ status: 429, headers: { 'Retry-After': '3' } }]);
    const outcome = await executor().restart(SERVICE);
    expect(outcome).toMatchObject({ success: true, status_code: 200, attempts: 2 });
    expect(render.requestsTo('restart')).toHaveLength(2);
    expect(delays).toEqual([3000]);
  });

  it("honours Render's Ratelimit-Reset when there is no Retry-After", async () => {
    render.inject('restart', [{ status: 429, headers: { 'Ratelimit-Reset': '2' } }]);
    const outcome = await executor().restart(SERVICE);
    expect(outcome).toMatchObject({ success: true, attempts: 2 });
    expect(delays).toEqual([2000]);
  });

  it("gives up after 4 attempts of 503 with Render's message", async () => {
    const unavailable = { status: 503, body: { id: 'e1', message: 'service temporarily unavailable' } };
    render.inject('restart', [unavailable, unavailable, unavailable, unavailable, { status: 200, body: {} }]);
    const outcome = await executor({ retry: { ...retry, random: () => 0.5 } }).restart(SERVICE);
    expect(outcome.success).toBe(false);
    expect(outcome.status_code).toBe(503);
    expect(outcome.attempts).toBe(4);
    expect(outcome.error).toBe('Render API 503: service temporarily unavailable (after 4 attempts)');
    expect(render.requestsTo('restart')).toHaveLength(4);
    expect(delays).toEqual([250, 500, 1000]); // full jitter at random 0.5: half of 500, 1000, 2000
  });

  it('does not retry a 401 and says to verify RENDER_API_KEY', async () => {
    const outcome = await executor({ apiKey: 'rnd_wrong' }).restart(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: 401, attempts: 1 });
    expect(outcome.error).toContain('Render API 401: unauthorized');
    expect(outcome.error).toContain('verify RENDER_API_KEY');
    expect(outcome.error).not.toContain('rnd_wrong');
    expect(render.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("does not retry a 404 and passes Render's message on", async () => {
    const outcome = await executor().restart('srv-unknown');
    expect(outcome).toMatchObject({ success: false, status_code: 404, attempts: 1, error: 'Render API 404: service not found' });
    expect(render.requests).toHaveLength(1);
  });

  it("the stand-in's errors have Render's shape {id, message, code}; the message is what reaches the SRE", async () => {
    const raw = await fetch(`${render.url}/services/srv-unknown/restart`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } });
    expect(raw.status).toBe(404);
    const body = await raw.json();
    expect(body).toEqual({ id: expect.any(String), message: 'service not found', code: 'not_found' });
    render.reset();
    render.inject('restart', [{ status: 400, body: { id: 'e9', message: 'service is suspended', code: 'bad_request' } }]);
    const outcome = await executor().restart(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: 400, attempts: 1, error: 'Render API 400: service is suspended' });
  });

  it('honours Ratelimit-Reset sent as an epoch time, as Render documents it', async () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    render.inject('restart', [{ status: 429, headers: { 'Ratelimit-Reset': String(now / 1000 + 4) } }]);
    const outcome = await executor({ retry: { ...retry, now: () => now } }).restart(SERVICE);
    expect(outcome).toMatchObject({ success: true, attempts: 2 });
    expect(delays).toEqual([4000]);
  });

  it('retries a request that times out, then fails saying it timed out', async () => {
    render.inject('restart', [{ timeout: true }, { timeout: true }, { timeout: true }, { timeout: true }]);
    const started = Date.now();
    const outcome = await executor({ timeoutMs: 100 }).restart(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 4 });
    expect(outcome.error).toBe('Render API request timed out after 100 ms (4 attempts)');
    expect(render.requestsTo('restart')).toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 100 - 20);
  });

  it('recovers when a timeout is followed by an answer', async () => {
    render.inject('restart', [{ timeout: true }]);
    const outcome = await executor().restart(SERVICE);
    expect(outcome).toMatchObject({ success: true, status_code: 200, attempts: 2 });
  });

  it('reports an unreachable API in words (the errno, host and port go to the log only)', async () => {
    await render.close();
    const outcome = await executor({ retry: { ...retry, attempts: 2 } }).restart(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 2 });
    expect(outcome.error).toBe('Render API unreachable (2 attempts)');
  });

  it('sends nothing without a key', async () => {
    for (const apiKey of [undefined, null, '', '   ']) {
      const outcome = await executor({ apiKey }).restart(SERVICE);
      expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 0 });
      expect(outcome.error).toMatch(/^RENDER_API_KEY is not set; /);
    }
    const rollback = await executor({ apiKey: undefined }).rollbackDeployment(SERVICE);
    expect(rollback).toMatchObject({ success: false, attempts: 0, from_deploy: null, to_deploy: null });
    expect(render.requests).toHaveLength(0);
  });

  it('sends nothing for an id that is not a Render service id', async () => {
    for (const id of ['api-gateway', 'srv-', 'SRV-ABC', 'srv-abc/../../owners', 'srv-abc?x=1', ' srv-abc']) {
      const outcome = await executor().restart(id);
      expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 0 });
      expect(outcome.error).toContain('is not a Render service id');
      expect((await executor().rollbackDeployment(id)).attempts).toBe(0);
    }
    expect(render.requests).toHaveLength(0);
  });

  it('reads RENDER_API_KEY and RENDER_API_URL from the environment', async () => {
    const fromEnv = renderExecutorFromEnv({ apiKey: KEY, apiUrl: `${render.url}/` }, { retry });
    expect(fromEnv.kind).toBe('render');
    expect((await fromEnv.restart(SERVICE)).success).toBe(true);
    expect(render.requests[0]!.path).toBe(`/v1/services/${SERVICE}/restart`);
    expect((await renderExecutorFromEnv({ apiKey: undefined, apiUrl: undefined }).restart(SERVICE)).error).toMatch(/RENDER_API_KEY is not set/);
  });
});

describe('Render deployment rollback', () => {
  it('rolls back to the deploy before the live one, skipping failed and canceled builds, then turns auto-deploy off', async () => {
    const outcome = await executor().rollbackDeployment(SERVICE);

    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/services/${SERVICE}/deploys`,
      `POST /v1/services/${SERVICE}/rollback`,
      `PATCH /v1/services/${SERVICE}`,
    ]);
    const [list, rollback, patch] = render.requests;
    expect(list!.query).toEqual({ limit: '20' });
    for (const request of render.requests) expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(rollback!.headers['content-type']).toBe('application/json');
    expect(rollback!.body).toEqual({ deployId: 'dep-1' });
    expect(patch!.headers['content-type']).toBe('application/json');
    expect(patch!.body).toEqual({ autoDeploy: 'no' });

    expect(outcome).toMatchObject({
      success: true,
      status_code: 201,
      attempts: 3,
      auto_deploy_disabled: true,
      from_deploy: { id: 'dep-4', commit: 'c4c4c4c4c4', commit_message: 'Add caching', status: 'live' },
      to_deploy: { id: 'dep-1', commit: 'c1c1c1c1c1', commit_message: 'Known good', status: 'deactivated' },
    });
    expect(outcome.to_deploy?.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(outcome.message).toContain('dep-1 (commit c1c1c1c)');
    expect(outcome.error).toBeUndefined();
    // The stand-in applied it: a new live deploy of the old commit, auto-deploy off.
    expect(render.services[SERVICE]!.deploys[0]).toMatchObject({ status: 'live', commit: { id: 'c1c1c1c1c1' } });
    expect(render.services[SERVICE]!.autoDeploy).toBe('no');
  });

  it('fails without sending a rollback when there is no earlier deploy', async () => {
    const outcome = await executor().rollbackDeployment('srv-single');
    expect(outcome).toMatchObject({
      success: false,
      attempts: 1,
      from_deploy: { id: 'dep-only' },
      to_deploy: null,
      auto_deploy_disabled: false,
    });
    expect(outcome.error).toMatch(/No earlier successful deploy before the live one \(dep-only\)/);
    expect(render.requestsTo('rollback')).toHaveLength(0);
    expect(render.requestsTo('update')).toHaveLength(0);
  });

  it('fails without sending a rollback when only failed builds precede the live deploy', async () => {
    render.services[SERVICE]!.deploys = [
      { id: 'dep-9', status: 'live' },
      { id: 'dep-8', status: 'build_failed' },
      { id: 'dep-7', status: 'update_failed' },
    ];
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome.success).toBe(false);
    expect(render.requestsTo('rollback')).toHaveLength(0);
  });

  it('fails when no deploy is live', async () => {
    render.services[SERVICE]!.deploys = [{ id: 'dep-2', status: 'build_in_progress' }, { id: 'dep-1', status: 'deactivated' }];
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({ success: false, from_deploy: null, to_deploy: null });
    expect(outcome.error).toMatch(/No live deploy/);
    expect(render.requestsTo('rollback')).toHaveLength(0);
  });

  it('still succeeds when turning auto-deploy off fails, and says so', async () => {
    const broken = { status: 500, body: { id: 'e2', message: 'internal error' } };
    render.inject('update', [broken, broken, broken, broken]);
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({ success: true, status_code: 201, auto_deploy_disabled: false, attempts: 1 + 1 + 4 });
    expect(outcome.message).toContain('turning auto-deploy off failed (Render API 500: internal error (after 4 attempts))');
    expect(outcome.error).toBeUndefined();
    expect(render.requestsTo('update')).toHaveLength(4);
    expect(render.services[SERVICE]!.autoDeploy).toBe('yes');
  });

  it('counts retries of every step in attempts', async () => {
    render.inject('deploys', [{ status: 502 }]);
    render.inject('rollback', [{ status: 429, headers: { 'Retry-After': '1' } }]);
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({ success: true, attempts: 2 + 2 + 1 });
    expect(delays).toEqual([0, 1000]);
  });

  it("fails with Render's message when the rollback itself is refused", async () => {
    render.inject('rollback', [{ status: 409, body: { id: 'e3', message: 'a deploy is already in progress' } }]);
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({
      success: false,
      status_code: 409,
      attempts: 2,
      error: 'Render API 409: a deploy is already in progress',
      to_deploy: { id: 'dep-1' },
      auto_deploy_disabled: false,
    });
    expect(render.requestsTo('update')).toHaveLength(0);
  });

  it('rollbackTo: POSTs the given deploy id (no deploy list), then turns auto-deploy off', async () => {
    const outcome = await executor().rollbackTo!(SERVICE, 'dep-1');
    expect(outcome).toMatchObject({ success: true, status_code: 201, attempts: 2, to_deploy: { id: 'dep-1' }, auto_deploy_disabled: true });
    expect(outcome.message).toBe('Rolled back to dep-1; auto-deploy turned off so the next push does not undo it');
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/services/${SERVICE}/rollback`, `PATCH /v1/services/${SERVICE}`]);
    expect(render.requestsTo('rollback')[0]!.body).toEqual({ deployId: 'dep-1' });
  });

  it("rollbackTo: an unknown deploy fails with Render's message and auto-deploy is left alone", async () => {
    const outcome = await executor().rollbackTo!(SERVICE, 'dep-gone');
    expect(outcome).toMatchObject({ success: false, status_code: 404, error: 'Render API 404: deploy not found', auto_deploy_disabled: false });
    expect(render.requestsTo('update')).toHaveLength(0);
    const noKey = await executor({ apiKey: null }).rollbackTo!(SERVICE, 'dep-1');
    expect(noKey).toMatchObject({ success: false, attempts: 0 });
    expect(render.requests).toHaveLength(1);
  });

  it('fails clearly when the deploy list cannot be read', async () => {
    render.inject('deploys', [{ status: 200, body: { unexpected: true } }]);
    const outcome = await executor().rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: 200, attempts: 1 });
    expect(outcome.error).toMatch(/unexpected deploy list/);
    expect(render.requestsTo('rollback')).toHaveLength(0);
  });

  it('fails on 401 when listing deploys, naming RENDER_API_KEY', async () => {
    const outcome = await executor({ apiKey: 'rnd_wrong' }).rollbackDeployment(SERVICE);
    expect(outcome).toMatchObject({ success: false, status_code: 401, attempts: 1 });
    expect(outcome.error).toContain('verify RENDER_API_KEY');
    expect(render.requests).toHaveLength(1);
  });
});
