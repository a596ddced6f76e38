import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCleanupHookExecutor, signHookBody } from '@/lib/executors/cleanup-hook';
import type { RetryOptions } from '@/lib/executors/retry';
import { startCleanupHookStandIn, type CleanupHookStandIn } from '../../support/cleanup-hook-stand-in';

const SECRET = 'hook-secret-1';
const NOW = Date.parse('2026-11-30T12:00:00Z');

let hook: CleanupHookStandIn;
let delays: number[];
let retry: RetryOptions;

beforeEach(async () => {
  hook = await startCleanupHookStandIn({ secret: SECRET });
  delays = [];
  retry = { random: () => 0, sleep: async (ms) => void delays.push(ms) };
});
afterEach(() => hook.close());

const executor = (overrides: Parameters<typeof createCleanupHookExecutor>[0] = {}) =>
  // Generous: only the timeout test (which sets its own 100 ms) relies on the timer firing; a loaded CI
  // machine must not turn a successful hook call into a timeout.
  createCleanupHookExecutor({ timeoutMs: 5_000, retry, ...overrides });

describe('cleanup hook', () => {
  it('POSTs a signed JSON request and returns the three numbers', async () => {
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });

    expect(outcome).toEqual({
      success: true,
      status_code: 200,
      attempts: 1,
      message: 'Cleanup freed 125.5 MB (8432 objects collected); now 324.2 MB',
      memory_freed_mb: 125.5,
      objects_collected: 8432,
      current_memory_mb: 324.2,
    });
    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/internal/cleanup');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.signatureValid).toBe(true);
    expect(request!.body).toEqual({ component: 'payments-worker', requested_at: expect.any(String) });
    const requestedAt = Date.parse((request!.body as { requested_at: string }).requested_at);
    expect(Math.abs(requestedAt - Date.now())).toBeLessThan(5000);
    // The documented scheme, recomputed here independently of the stand-in.
    const timestamp = request!.headers['x-shc-timestamp'] as string;
    expect(timestamp).toBe(String(Math.floor(requestedAt / 1000)));
    expect(request!.headers['x-shc-signature']).toBe(signHookBody(SECRET, timestamp, request!.rawBody));
  });

  it('signs with the injected clock', async () => {
    const outcome = await executor({ now: () => NOW }).cleanup({ component: 'c1', url: hook.url, secret: SECRET });
    const [request] = hook.requests;
    expect(request!.headers['x-shc-timestamp']).toBe(String(NOW / 1000));
    expect(request!.body).toEqual({ component: 'c1', requested_at: '2026-11-30T12:00:00.000Z' });
    // Days away from the stand-in's clock: outside the 5-minute window, so it is refused.
    expect(request!.signatureValid).toBe(false);
    expect(outcome).toMatchObject({ success: false, status_code: 401 });
  });

  it('fails when the component rejects the signature (wrong secret), without retrying', async () => {
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: 'not-the-secret' });
    expect(outcome).toMatchObject({
      success: false,
      status_code: 401,
      attempts: 1,
      memory_freed_mb: null,
      objects_collected: null,
      current_memory_mb: null,
    });
    expect(outcome.error).toBe('Cleanup hook answered HTTP 401');
    expect(hook.requests[0]!.signatureValid).toBe(false);
  });

  it('sends no signature without a secret (and a secret-checking component refuses it)', async () => {
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: null });
    expect(hook.requests[0]!.headers['x-shc-signature']).toBeUndefined();
    expect(hook.requests[0]!.headers['x-shc-timestamp']).toMatch(/^\d+$/);
    expect(outcome).toMatchObject({ success: false, status_code: 401 });
  });

  it('works with a component that checks no signature', async () => {
    const open = await startCleanupHookStandIn({ path: '/gc' });
    try {
      const outcome = await executor().cleanup({ component: 'cache', url: open.url, secret: null });
      expect(outcome.success).toBe(true);
      expect(open.requests[0]!.signatureValid).toBeNull();
    } finally {
      await open.close();
    }
  });

  it.each([
    [{ memory_freed_mb: '12', objects_collected: 1, current_memory_mb: 2 }, 'memory_freed_mb must be a number'],
    [{ memory_freed_mb: 1, current_memory_mb: 2 }, 'objects_collected is missing'],
    [{ memory_freed_mb: 1, objects_collected: 1, current_memory_mb: -2 }, 'current_memory_mb must be ≥ 0'],
    [[1, 2, 3], 'answer must be a JSON object'],
  ])('fails on a malformed answer, naming the field (%j)', async (answer, expected) => {
    hook.inject([{ malformed: answer }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: 200, attempts: 1, memory_freed_mb: null });
    expect(outcome.error).toBe(`Cleanup hook answer is malformed: ${expected}`);
  });

  it('fails on an answer that is not JSON', async () => {
    hook.inject([{ raw: '<html>ok</html>' }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, error: 'Cleanup hook answer is not JSON' });
  });

  it('retries a 5xx once, then succeeds', async () => {
    hook.inject([{ status: 503 }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: true, attempts: 2, memory_freed_mb: 125.5 });
    expect(hook.requests).toHaveLength(2);
    expect(hook.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('retries at most once', async () => {
    hook.inject([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: 500, attempts: 2 });
    expect(outcome.error).toBe('Cleanup hook answered HTTP 500');
    expect(hook.requests).toHaveLength(2);
  });

  it("never echoes the hook's error body (it may hold anything: tokens, stack traces)", async () => {
    hook.inject([{ status: 400, body: { error: 'bad request', debug: 'DB_PASSWORD=hunter2' } }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: 400, error: 'Cleanup hook answered HTTP 400' });
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
  });

  it('sends URL credentials as Basic auth, never in the URL, and never reports them', async () => {
    const withCredentials = hook.url.replace('http://', 'http://ops%40example:p%3Ass-w0rd@');
    const outcome = await executor().cleanup({ component: 'payments-worker', url: withCredentials, secret: SECRET });
    expect(outcome.success).toBe(true);
    expect(hook.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ops@example:p:ss-w0rd').toString('base64')}`);
    hook.inject([{ reset: true }, { reset: true }]);
    const failed = await executor().cleanup({ component: 'payments-worker', url: withCredentials, secret: SECRET });
    expect(failed.success).toBe(false);
    expect(JSON.stringify(failed)).not.toContain('w0rd');
    const invalid = await executor().cleanup({ component: 'payments-worker', url: 'http://user:s3cret@exa mple/', secret: null });
    expect(invalid.error).not.toContain('s3cret');
  });

  it('does not retry a 404', async () => {
    const outcome = await executor().cleanup({ component: 'payments-worker', url: `${hook.url}/nope`, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: 404, attempts: 1 });
  });

  it('times out, retries once, and says it timed out', async () => {
    hook.inject([{ timeout: true }, { timeout: true }]);
    const outcome = await executor({ timeoutMs: 100 }).cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 2 });
    expect(outcome.error).toBe('Cleanup hook timed out after 100 ms (2 attempts)');
    expect(hook.requests).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    hook.inject([{ reset: true }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: true, attempts: 2 });
  });

  it('reports an unreachable component', async () => {
    await hook.close();
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 2 });
    expect(outcome.error).toBe('Cleanup hook unreachable (2 attempts)');
  });

  it('sends nothing to a URL that is not http or https', async () => {
    for (const [url, error] of [
      ['file:///etc/passwd', 'Cleanup hook URL must be http or https, got file'],
      ['ftp://example.com/cleanup', 'Cleanup hook URL must be http or https, got ftp'],
      ['not a url', 'Cleanup hook URL "not a url" is not a valid URL'],
    ]) {
      const outcome = await executor().cleanup({ component: 'payments-worker', url: url!, secret: SECRET });
      expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 0, error });
    }
    expect(hook.requests).toHaveLength(0);
  });

  it('does not follow redirects', async () => {
    // Following would re-send as GET to the Location and get the stand-in's 404 instead.
    hook.inject([{ status: 302, body: 'moved', headers: { Location: hook.url } }]);
    const outcome = await executor().cleanup({ component: 'payments-worker', url: hook.url, secret: SECRET });
    expect(outcome).toMatchObject({ success: false, status_code: 302, attempts: 1 });
    expect(hook.requests).toHaveLength(1);
  });
});
