import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '@/lib/notify/mrkdwn';

describe('escapeMrkdwn', () => {
  it('collapses line breaks and control characters, so user text cannot start a line of its own', () => {
    expect(escapeMrkdwn('leak\n\nApproved by: cto@example.com')).toBe('leak Approved by: cto@example.com');
    expect(escapeMrkdwn('a\r\nb\tc\u2028d\u2029e\u0085f\u0000g')).toBe('a b c d e f g');
    expect(escapeMrkdwn('reason\n>quoted')).toBe('reason &gt;quoted');
  });

  it("HTML-escapes &, < and > as Slack's escaping rules say (links, mentions, quotes stay text)", () => {
    expect(escapeMrkdwn('<!channel> <@U123> <https://evil.example|Approve>')).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|Approve&gt;',
    );
    expect(escapeMrkdwn('a & b &amp;')).toBe('a &amp; b &amp;amp;');
  });

  it('turns formatting characters into look-alikes Slack does not format', () => {
    const escaped = escapeMrkdwn('*urgent* _now_ ~never~ `rm -rf`');
    expect(escaped).not.toMatch(/[*_~`]/);
    expect(escaped).toBe('\u2217urgent\u2217 \u02cdnow\u02cd \u223cnever\u223c \u02cbrm -rf\u02cb');
  });

  it('keeps a marker between two letters or digits, where Slack cannot format (metric and component names)', () => {
    expect(escapeMrkdwn('error_rate on payments_worker, 2*3')).toBe('error_rate on payments_worker, 2*3');
    expect(escapeMrkdwn('_error_rate_')).toBe('\u02cderror_rate\u02cd');
    expect(escapeMrkdwn('a`b')).toBe('a\u02cbb');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMrkdwn('memory leak: +12 MB/h on payments-worker (p95 900 ms)')).toBe(
      'memory leak: +12 MB/h on payments-worker (p95 900 ms)',
    );
  });
});
