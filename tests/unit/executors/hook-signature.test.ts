import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signHookBody, verifyHookSignature } from '@/lib/executors/cleanup-hook';

const body = '{"component":"payments-worker","requested_at":"2026-01-01T00:00:00.000Z"}';
const timestamp = '1767225600'; // 2026-01-01T00:00:00Z
const nowMs = 1767225600_000;

describe('cleanup hook signatures', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>", as documented for component owners', () => {
    const expected = createHmac('sha256', 's3cret').update(`${timestamp}.${body}`).digest('hex');
    expect(signHookBody('s3cret', timestamp, body)).toBe(`sha256=${expected}`);
  });

  it('verifies its own signature within the 5-minute tolerance, either way', () => {
    const signature = signHookBody('s3cret', timestamp, body);
    expect(verifyHookSignature('s3cret', timestamp, body, signature, nowMs)).toBe(true);
    expect(verifyHookSignature('s3cret', timestamp, body, signature, nowMs + 300_000)).toBe(true);
    expect(verifyHookSignature('s3cret', timestamp, body, signature, nowMs - 300_000)).toBe(true);
  });

  it('rejects stale or future timestamps (replays)', () => {
    const signature = signHookBody('s3cret', timestamp, body);
    expect(verifyHookSignature('s3cret', timestamp, body, signature, nowMs + 301_000)).toBe(false);
    expect(verifyHookSignature('s3cret', timestamp, body, signature, nowMs - 301_000)).toBe(false);
  });

  it('rejects another secret, a changed body, a changed timestamp and malformed input', () => {
    const signature = signHookBody('s3cret', timestamp, body);
    expect(verifyHookSignature('other', timestamp, body, signature, nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', timestamp, body.replace('payments', 'billing'), signature, nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', String(Number(timestamp) + 1), body, signature, nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', timestamp, body, signature.toUpperCase(), nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', timestamp, body, signature.slice(0, -1), nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', timestamp, body, null, nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', undefined, body, signature, nowMs)).toBe(false);
    expect(verifyHookSignature('s3cret', '1767225600.5', body, signature, nowMs)).toBe(false);
    expect(verifyHookSignature('', timestamp, body, signHookBody('', timestamp, body), nowMs)).toBe(false);
  });
});
