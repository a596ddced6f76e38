/**
 * Every outbound call is bounded (lib/executors/http/outbound.ts): capped bodies,
 * no redirect to another host, hook addresses checked on what is actually
 * connected to, and transport errors that do not turn a result into a port
 * scanner. Real HTTP servers on loopback; names resolved by an injected resolver.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { customFetch } from '@auth/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oidcProvider } from '@/lib/auth/oidc';
import { createCleanupHookExecutor } from '@/lib/executors/cleanup-hook';
import { createOutboundFetch, DEFAULT_MAX_BODY_BYTES, OutboundRefusedError, type Resolver } from '@/lib/executors/http/outbound';
import { createRenderExecutor } from '@/lib/executors/render';
import type { RetryOptions } from '@/lib/executors/retry';
import { log } from '@/lib/log';
import { notifyApprovalRequested } from '@/lib/notify/slack';
import { startCleanupHookStandIn } from '../../support/cleanup-hook-stand-in';

const retry: RetryOptions = { random: () => 0, sleep: async () => {} };
const ANSWER = JSON.stringify({ memory_freed_mb: 1, objects_collected: 2, current_memory_mb: 3 });

interface Local {
  url: string;
  origin: string;
  port: number;
  requests: { method: string; path: string; body: string; host: string }[];
  /** Bytes the handler managed to write before the client went away. */
  written: { bytes: number; closed: boolean };
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, local: Local) => void): Promise<Local> {
  const local = { requests: [], written: { bytes: 0, closed: false } } as unknown as Local;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      local.requests.push({ method: req.method!, path: req.url!, body, host: req.headers.host! });
      handler(req, res, local);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local.port = (server.address() as AddressInfo).port;
  local.origin = `http://127.0.0.1:${local.port}`;
  local.url = `${local.origin}/cleanup`;
  return local;
}

/** Writes 16 KB chunks for as long as the client reads (endless unless the client hangs up). */
function endless(res: ServerResponse, local: Local, status = 200) {
  res.writeHead(status, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(16 * 1024, 'x');
  res.on('close', () => (local.written.closed = true));
  const pump = () => {
    while (!res.destroyed) {
      local.written.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  pump();
}

const hook = (overrides: Parameters<typeof createCleanupHookExecutor>[0] = {}) =>
  createCleanupHookExecutor({ timeoutMs: 20_000, retry, ...overrides });

describe('answer bodies are capped', () => {
  it('stops reading an endless hook answer at 64 KB and says so (no timeout, no buffering it all)', async () => {
    const server = await serve((_req, res, local) => endless(res, local));
    // 20 s timeout: only the cap can end this call early.
    const outcome = await hook().cleanup({ component: 'c', url: server.url, secret: null });
    expect(outcome).toMatchObject({ success: false, status_code: 200, attempts: 1 });
    expect(outcome.error).toBe('Cleanup hook answer larger than 64 KB; not read');
    await vi.waitFor(() => expect(server.written.closed).toBe(true));
    // The server saw the connection drop after at most the cap plus socket buffers.
    expect(server.written.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap, and reads one at the cap', async () => {
    const fetchCapped = createOutboundFetch({ maxBodyBytes: 1000 });
    const over = await serve((_req, res) => res.writeHead(200, { 'content-length': '1001' }).end('y'.repeat(1001)));
    const response = await fetchCapped(over.url);
    await expect(response.text()).rejects.toMatchObject({ name: 'OutboundRefusedError', reason: 'too_large' });
    const exact = await serve((_req, res) => res.writeHead(200).end('z'.repeat(1000)));
    expect(await (await fetchCapped(exact.url)).text()).toHaveLength(1000);
    expect(DEFAULT_MAX_BODY_BYTES).toBe(64 * 1024);
  });

  it("caps Render's answers too", async () => {
    const server = await serve((_req, res, local) => endless(res, local));
    const outcome = await createRenderExecutor({ apiKey: 'k', baseUrl: server.origin, timeoutMs: 20_000, retry }).restart('srv-a1');
    expect(outcome).toMatchObject({ success: false, status_code: 200 });
    expect(outcome.error).toBe('Render API response body lost: answer larger than 256 KB; not read');
  });
});

describe('redirects', () => {
  it('refuses a hook redirect to another host, sending nothing there', async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(200).end(ANSWER));
    const server = await serve((_req, res) => res.writeHead(307, { location: elsewhere.url }).end());
    const outcome = await hook().cleanup({ component: 'c', url: server.url, secret: 'x'.repeat(16) });
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 1 });
    expect(outcome.error).toBe('Cleanup hook redirected to another host; not followed');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a same-host 307 with the same POST body', async () => {
    const server = await serve((req, res) =>
      req.url === '/cleanup' ? res.writeHead(307, { location: '/v2/cleanup' }).end() : res.writeHead(200).end(ANSWER),
    );
    const outcome = await hook().cleanup({ component: 'c', url: server.url, secret: null });
    expect(outcome).toMatchObject({ success: true, memory_freed_mb: 1 });
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/cleanup'],
      ['POST', '/v2/cleanup'],
    ]);
    expect(JSON.parse(server.requests[1]!.body)).toMatchObject({ component: 'c' });
  });

  it('refuses a Render redirect to another host (the API key never travels there)', async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(200).end('[]'));
    const render = await serve((_req, res) => res.writeHead(302, { location: `${elsewhere.origin}/deploys` }).end());
    const outcome = await createRenderExecutor({ apiKey: 'k', baseUrl: render.origin, timeoutMs: 2000, retry }).rollbackDeployment('srv-a1');
    expect(outcome).toMatchObject({ success: false, attempts: 1 });
    expect(outcome.error).toBe('Render API redirected to another host; not followed (1 attempt)');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a same-host GET redirect a few times, then stops', async () => {
    const server = await serve((req, res) => {
      const n = Number(req.url!.slice(1)) || 0;
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    await expect(createOutboundFetch()(`${server.origin}/0`)).rejects.toThrow('redirected more than 3 times; not followed');
    expect(server.requests.map((r) => r.path)).toEqual(['/0', '/1', '/2', '/3']);
  });

  it("OIDC discovery goes through the bounded fetch (Auth.js's customFetch)", async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(200).end('{}'));
    const issuer = await serve((_req, res) =>
      res.writeHead(302, { location: `${elsewhere.origin}/.well-known/openid-configuration` }).end(),
    );
    const provider = oidcProvider({ issuer: issuer.origin, clientId: 'c', clientSecret: 's', name: 'SSO' });
    const bounded = provider[customFetch];
    expect(bounded).toBeTypeOf('function');
    await expect(bounded!(`${issuer.origin}/.well-known/openid-configuration`)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('hook addresses at call time', () => {
  const resolvingTo = (address: string, family = 4): Resolver => async () => [{ address, family }];

  it('refuses a host name that resolves to a link-local (metadata) address, before connecting', async () => {
    const outcome = await hook({ http: { resolve: resolvingTo('169.254.169.254') } }).cleanup({
      component: 'c',
      url: 'http://metadata.test/latest/meta-data',
      secret: null,
    });
    expect(outcome).toMatchObject({ success: false, status_code: null, attempts: 1 });
    expect(outcome.error).toBe('Cleanup hook address refused: link-local (cloud metadata) addresses are never called');
  });

  it('refuses an IPv4-mapped metadata address and a private one, but connects to the address it checked', async () => {
    for (const address of ['::ffff:169.254.169.254', '10.0.0.7']) {
      const outcome = await hook({ http: { resolve: resolvingTo(address, address.includes(':') ? 6 : 4) } }).cleanup({
        component: 'c',
        url: 'http://hook.test/cleanup',
        secret: null,
      });
      expect(outcome.error).toMatch(/^Cleanup hook address refused: /);
    }
    // Allowed and pinned: the name resolves (only) through the checked answer, loopback.
    const server = await serve((_req, res) => res.writeHead(200).end(ANSWER));
    const outcome = await hook({ http: { resolve: resolvingTo('127.0.0.1') } }).cleanup({
      component: 'c',
      url: `http://hook.test:${server.port}/cleanup`,
      secret: null,
    });
    expect(outcome).toMatchObject({ success: true });
    expect(server.requests[0]!.host).toBe(`hook.test:${server.port}`);
  });

  it('refuses loopback when the admin allowance no longer lists it, and private ranges once it does', async () => {
    const server = await startCleanupHookStandIn();
    try {
      const refused = await hook({ allowedRanges: async () => [] }).cleanup({ component: 'c', url: server.url, secret: null });
      expect(refused.error).toMatch(/^Cleanup hook address refused: loopback addresses are refused unless an admin allows/);
      expect(server.requests).toHaveLength(0);
      const allowed = await hook({ allowedRanges: async () => ['127.0.0.1/32'] }).cleanup({ component: 'c', url: server.url, secret: null });
      expect(allowed.success).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('refuses a literal link-local URL stored before the rule, sending nothing', async () => {
    const outcome = await hook().cleanup({ component: 'c', url: 'http://169.254.169.254/latest', secret: null });
    expect(outcome).toMatchObject({ success: false, attempts: 1, status_code: null });
    expect(outcome.error).toMatch(/^Cleanup hook address refused: link-local/);
  });
});

describe('transport errors say "unreachable"; the detail goes to the server log', () => {
  it('for a hook', async () => {
    const server = await serve(() => {});
    const { port, url } = server;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const warn = vi.spyOn(log, 'warn');
    const outcome = await hook().cleanup({ component: 'c', url, secret: null });
    expect(outcome.error).toBe('Cleanup hook unreachable (2 attempts)');
    expect(JSON.stringify(outcome)).not.toMatch(new RegExp(`ECONNREFUSED|${port}|127\\.0\\.0\\.1`));
    const failed = warn.mock.calls.find(([message]) => message === 'cleanup hook failed');
    expect(failed?.[1]).toMatchObject({ detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('for Render', async () => {
    const server = await serve(() => {});
    const { port, origin } = server;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const warn = vi.spyOn(log, 'warn');
    const outcome = await createRenderExecutor({ apiKey: 'k', baseUrl: origin, timeoutMs: 2000, retry: { ...retry, attempts: 2 } }).restart('srv-a1');
    expect(outcome.error).toBe('Render API unreachable (2 attempts)');
    expect(JSON.stringify(outcome)).not.toMatch(new RegExp(`ECONNREFUSED|${port}`));
    expect(warn.mock.calls.some(([, fields]) => String(fields?.detail).includes('ECONNREFUSED'))).toBe(true);
  });
});

describe('Slack webhook answers', () => {
  it('are read through the capped fetch: an endless error body does not hold the notification', async () => {
    const server = await serve((_req, res, local) => endless(res, local, 500));
    const outcome = await notifyApprovalRequested(
      { component: 'c', action: 'restart', reason: 'r', risk: 'high', remediationId: 'id', requestedBy: 'x' },
      // Longer than the test's own timeout: only the cap can end this call in time.
      { webhookUrl: server.url, timeoutMs: 60_000 },
    );
    expect(outcome).toBe('failed');
    await vi.waitFor(() => expect(server.written.closed).toBe(true));
  });
});
