/**
 * The approval notification against a local stand-in for Slack's incoming
 * webhook (node:http): what it posts, and that it never throws or hangs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { notifyApprovalRequested, type ApprovalRequested } from '@/lib/notify/slack';
import { resetEnvForTests } from '@/lib/env';

type Behaviour = 'ok' | 'error' | 'hang';
let behaviour: Behaviour = 'ok';
const received: Array<{ method?: string; path?: string; contentType?: string; body: any }> = [];
const hanging: http.ServerResponse[] = [];

const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    received.push({ method: req.method, path: req.url, contentType: req.headers['content-type'], body: JSON.parse(raw) });
    if (behaviour === 'hang') return void hanging.push(res);
    if (behaviour === 'error') return void res.writeHead(500).end('invalid_payload');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});

let webhookUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The secret part of a real webhook URL must never reach the log.
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/s3cr3t-webhook-part`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const logged: string[] = [];
afterEach(() => {
  received.length = 0;
  behaviour = 'ok';
  logged.length = 0;
  vi.restoreAllMocks();
});
function captureLogs() {
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
}

const request: ApprovalRequested = {
  component: 'checkout-api',
  action: 'restart',
  reason: 'memory_usage projected to reach 90% in ~25 min',
  risk: 'high',
  remediationId: '5b1d7a8e-2c4f-4f7e-9d1a-0a1b2c3d4e5f',
  requestedBy: 'reconciler',
};

describe('notifyApprovalRequested', () => {
  it('posts a Slack incoming-webhook message naming component, action and reason, linking to the approval', async () => {
    const outcome = await notifyApprovalRequested(request, { webhookUrl, consoleUrl: 'https://console.example.com/' });
    expect(outcome).toBe('sent');
    expect(received).toHaveLength(1);
    const [post] = received;
    expect(post).toMatchObject({ method: 'POST', path: '/services/T000/B000/s3cr3t-webhook-part', contentType: 'application/json' });
    const link = `https://console.example.com/approvals#${request.remediationId}`;
    expect(post!.body.text).toContain('restart');
    expect(post!.body.text).toContain('checkout-api');
    // "~25 min" reads "∼25 min": a second "~" in the reason would otherwise strike the text between (lib/notify/mrkdwn.ts).
    expect(post!.body.text).toContain('memory_usage projected to reach 90% in \u223c25 min');
    expect(post!.body.text).toContain('high risk');
    expect(post!.body.text).toContain(`<${link}|`);
    const button = post!.body.blocks.at(-1).elements[0];
    expect(button).toMatchObject({ type: 'button', url: link });
  });

  it('escapes Slack control characters in what components and people wrote', async () => {
    await notifyApprovalRequested(
      { ...request, reason: 'error_rate > 10% <!channel> & rising' },
      { webhookUrl, consoleUrl: 'https://console.example.com' },
    );
    expect(received[0]!.body.text).toContain('error_rate &gt; 10% &lt;!channel&gt; &amp; rising');
    expect(received[0]!.body.text).not.toContain('<!channel>');
  });

  it('keeps user text on its own line: a reason or name cannot forge lines, links, mentions or formatting', async () => {
    const forged = 'leak\n\n*Approved by cto@example.com* <https://evil.example|Approve>\r\n>quoted `code` _x_ ~y~';
    await notifyApprovalRequested(
      { ...request, component: 'checkout-api', reason: forged, requestedBy: 'ops\nApproved: yes' },
      { webhookUrl, consoleUrl: 'https://console.example.com' },
    );
    const { text, blocks } = received[0]!.body;
    const section: string = blocks[0].text.text;
    const fields: string[] = blocks[1].fields.map((f: { text: string }) => f.text);
    // The message's own lines only: headline, reason, requester (text); headline and quoted reason (section).
    expect(text.split('\n')).toHaveLength(3);
    expect(section.split('\n')).toHaveLength(2);
    expect(text.split('\n')[1]).toBe(
      'Reason: leak \u2217Approved by cto@example.com\u2217 &lt;https://evil.example|Approve&gt; &gt;quoted \u02cbcode\u02cb \u02cdx\u02cd \u223cy\u223c',
    );
    expect(section.split('\n')[1]).toBe(`>${text.split('\n')[1]!.slice('Reason: '.length)}`);
    expect(fields.find((f) => f.startsWith('*Requested by*'))).toBe('*Requested by*\nops Approved: yes');
    for (const part of [text, section, ...fields]) {
      expect(part).not.toContain('<https://evil');
      expect(part).not.toContain('*Approved');
    }
  });

  it('reads SLACK_WEBHOOK_URL and CONSOLE_URL (else AUTH_URL) from the environment', async () => {
    vi.stubEnv('SLACK_WEBHOOK_URL', webhookUrl);
    vi.stubEnv('CONSOLE_URL', undefined);
    vi.stubEnv('AUTH_URL', 'https://auth-url.example.com');
    resetEnvForTests(); // lib/env.ts parses the environment once; this test changes it twice
    try {
      expect(await notifyApprovalRequested(request)).toBe('sent');
      expect(received[0]!.body.text).toContain(`https://auth-url.example.com/approvals#${request.remediationId}`);
      vi.stubEnv('CONSOLE_URL', 'https://console-url.example.com');
      resetEnvForTests();
      await notifyApprovalRequested(request);
      expect(received[1]!.body.text).toContain(`https://console-url.example.com/approvals#${request.remediationId}`);
    } finally {
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
  });

  it('does nothing without a webhook URL', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    expect(await notifyApprovalRequested(request, { webhookUrl: '', fetch: fetchSpy })).toBe('skipped');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
  });

  it('still names the remediation when no console URL is known', async () => {
    await notifyApprovalRequested(request, { webhookUrl, consoleUrl: '' });
    expect(received[0]!.body.text).toContain(request.remediationId);
    expect(received[0]!.body.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it('logs a refused message (status, detail) without throwing or logging the URL', async () => {
    captureLogs();
    behaviour = 'error';
    await expect(notifyApprovalRequested(request, { webhookUrl })).resolves.toBe('failed');
    expect(logged.join('\n')).toContain('"status":500');
    expect(logged.join('\n')).toContain('invalid_payload');
    expect(logged.join('\n')).not.toContain('s3cr3t');
  });

  it('gives up after its timeout when the webhook hangs', async () => {
    captureLogs();
    behaviour = 'hang';
    const started = performance.now();
    await expect(notifyApprovalRequested(request, { webhookUrl, timeoutMs: 300 })).resolves.toBe('failed');
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
    expect(logged.join('\n')).toContain('timed out');
  });

  it('returns within its timeout even if the fetch ignores the abort signal', async () => {
    captureLogs();
    const never = () => new Promise<Response>(() => {});
    const started = performance.now();
    await expect(notifyApprovalRequested(request, { webhookUrl, fetch: never, timeoutMs: 200 })).resolves.toBe('failed');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('survives an unreachable webhook and a throwing fetch', async () => {
    captureLogs();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(notifyApprovalRequested(request, { webhookUrl: `http://127.0.0.1:${port}/hooks/s3cr3t` })).resolves.toBe('failed');
    const boom = () => {
      throw new Error('fetch failed for http://hooks.example/s3cr3t');
    };
    await expect(notifyApprovalRequested(request, { webhookUrl, fetch: boom as typeof fetch })).resolves.toBe('failed');
    expect(logged.join('\n')).toContain('could not be sent');
    expect(logged.join('\n')).not.toContain('s3cr3t');
  });
});
