import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  isRetryableStatus,
  serverRequestedDelay,
  withRetry,
  type RetryInfo,
  type RetryOptions,
} from '@/lib/executors/retry';

/** A fake clock/sleep that records every wait instead of waiting. */
function fakeTimers(random = 0.5) {
  const delays: number[] = [];
  const retries: RetryInfo[] = [];
  const options: RetryOptions = {
    random: () => random,
    sleep: async (ms) => void delays.push(ms),
    now: () => Date.parse('2026-01-01T00:00:00Z'),
    onRetry: (info) => void retries.push(info),
  };
  return { delays, retries, options };
}

/** `send` that answers the given statuses in order (an Error means the request threw). */
function script(...steps: (number | Error | Response)[]) {
  let calls = 0;
  const send = async () => {
    const step = steps[Math.min(calls++, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    if (step instanceof Response) return step;
    return new Response(null, { status: step });
  };
  return { send, calls: () => calls };
}

describe('retry policy', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 201, 301, 400, 401, 403, 404, 409, 422, 600].some(isRetryableStatus)).toBe(false);
  });

  it('backs off with full jitter: random share of min(cap, base * 2^n)', () => {
    expect(backoffDelay(0, () => 0.5, 500, 8000)).toBe(250);
    expect(backoffDelay(1, () => 0.5, 500, 8000)).toBe(500);
    expect(backoffDelay(3, () => 0.5, 500, 8000)).toBe(2000);
    expect(backoffDelay(4, () => 0.5, 500, 8000)).toBe(4000); // 8000 reached: capped from here on
    expect(backoffDelay(9, () => 0.5, 500, 8000)).toBe(4000);
    expect(backoffDelay(2, () => 0, 500, 8000)).toBe(0);
    expect(backoffDelay(2, () => 0.9999, 500, 8000)).toBe(1999);
  });

  it('reads Retry-After as seconds or an HTTP date, and Ratelimit-Reset as seconds or an epoch time, capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(serverRequestedDelay(headers({ 'Retry-After': '3' }), now, 8000)).toEqual({ delayMs: 3000, reason: 'retry-after' });
    expect(serverRequestedDelay(headers({ 'Retry-After': '0' }), now, 8000)).toEqual({ delayMs: 0, reason: 'retry-after' });
    expect(serverRequestedDelay(headers({ 'Retry-After': '3600' }), now, 8000)?.delayMs).toBe(8000);
    expect(serverRequestedDelay(headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now, 8000)).toEqual({
      delayMs: 5000,
      reason: 'retry-after',
    });
    // A date in the past means "now".
    expect(serverRequestedDelay(headers({ 'Retry-After': 'Wed, 31 Dec 2025 23:00:00 GMT' }), now, 8000)?.delayMs).toBe(0);
    expect(serverRequestedDelay(headers({ 'Ratelimit-Reset': '2' }), now, 8000)).toEqual({
      delayMs: 2000,
      reason: 'ratelimit-reset',
    });
    expect(serverRequestedDelay(headers({ 'Ratelimit-Reset': '60' }), now, 8000)?.delayMs).toBe(8000);
    // Render documents Ratelimit-Reset as the UTC epoch second the window resets: above 1e9 it is a time, not a wait.
    const epoch = (ms: number) => String(Math.floor((now + ms) / 1000));
    expect(serverRequestedDelay(headers({ 'Ratelimit-Reset': epoch(3000) }), now, 8000)).toEqual({
      delayMs: 3000,
      reason: 'ratelimit-reset',
    });
    expect(serverRequestedDelay(headers({ 'Ratelimit-Reset': epoch(-5000) }), now, 8000)?.delayMs).toBe(0); // already reset
    expect(serverRequestedDelay(headers({ 'Ratelimit-Reset': epoch(3_600_000) }), now, 8000)?.delayMs).toBe(8000);
    // Retry-After wins when both are present.
    expect(serverRequestedDelay(headers({ 'Retry-After': '1', 'Ratelimit-Reset': '5' }), now, 8000)?.delayMs).toBe(1000);
    expect(serverRequestedDelay(headers({ 'Retry-After': 'soon' }), now, 8000)).toBeNull();
    expect(serverRequestedDelay(headers({}), now, 8000)).toBeNull();
  });
});

describe('withRetry', () => {
  it('returns the first success without waiting', async () => {
    const timers = fakeTimers();
    const { send, calls } = script(200);
    const result = await withRetry(send, timers.options);
    expect(result.attempts).toBe(1);
    expect(result.last.response?.status).toBe(200);
    expect(calls()).toBe(1);
    expect(timers.delays).toEqual([]);
  });

  it('retries 5xx with backoff 250, 500 (random 0.5) until it succeeds', async () => {
    const timers = fakeTimers(0.5);
    const { send } = script(503, 502, 200);
    const result = await withRetry(send, timers.options);
    expect(result.attempts).toBe(3);
    expect(result.last.response?.status).toBe(200);
    expect(timers.delays).toEqual([250, 500]);
    expect(timers.retries.map((r) => [r.attempt, r.status, r.reason])).toEqual([
      [1, 503, 'backoff'],
      [2, 502, 'backoff'],
    ]);
  });

  it('stops after 4 attempts by default and hands back the last response', async () => {
    const timers = fakeTimers(0.9999);
    const { send, calls } = script(503);
    const result = await withRetry(send, timers.options);
    expect(result.attempts).toBe(4);
    expect(calls()).toBe(4);
    expect(result.last.response?.status).toBe(503);
    expect(timers.delays).toEqual([499, 999, 1999]); // no wait after the last attempt
  });

  it('honours the attempts, base and cap options', async () => {
    const timers = fakeTimers(0.5);
    const { send, calls } = script(500);
    await withRetry(send, { ...timers.options, attempts: 6, baseMs: 1000, capMs: 3000 });
    expect(calls()).toBe(6);
    expect(timers.delays).toEqual([500, 1000, 1500, 1500, 1500]);
  });

  it('does not retry other 4xx', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      const timers = fakeTimers();
      const { send, calls } = script(status, 200);
      const result = await withRetry(send, timers.options);
      expect(result.last.response?.status).toBe(status);
      expect(calls()).toBe(1);
      expect(timers.delays).toEqual([]);
    }
  });

  it('waits what Retry-After asks on a 429 instead of backing off', async () => {
    const timers = fakeTimers(0.5);
    const { send } = script(
      new Response(null, { status: 429, headers: { 'Retry-After': '2' } }),
      new Response(null, { status: 429, headers: { 'Ratelimit-Reset': '30' } }),
      200,
    );
    const result = await withRetry(send, timers.options);
    expect(result.attempts).toBe(3);
    expect(timers.delays).toEqual([2000, 8000]); // the second is capped at 8 s
    expect(timers.retries.map((r) => r.reason)).toEqual(['retry-after', 'ratelimit-reset']);
  });

  it('retries transport failures and returns the last error when they persist', async () => {
    const timers = fakeTimers(0);
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const { send, calls } = script(refused);
    const result = await withRetry(send, { ...timers.options, attempts: 3 });
    expect(calls()).toBe(3);
    expect(result.attempts).toBe(3);
    expect(result.last.error).toBe(refused);
    expect(result.last.response).toBeUndefined();
    expect(timers.retries.map((r) => r.status)).toEqual([null, null]);
  });

  it('recovers from a timeout on the next attempt', async () => {
    const timers = fakeTimers(0);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { send } = script(timeout, 200);
    const result = await withRetry(send, timers.options);
    expect(result.attempts).toBe(2);
    expect(result.last.response?.status).toBe(200);
  });

  it('cancels the body of a response it discards, so the socket is released', async () => {
    const timers = fakeTimers(0);
    let cancelled = false;
    const stream = new ReadableStream({ cancel: () => void (cancelled = true) });
    const { send } = script(new Response(stream, { status: 503 }), 200);
    await withRetry(send, timers.options);
    expect(cancelled).toBe(true);
  });

  it('makes at least one attempt even when told zero', async () => {
    const timers = fakeTimers();
    const { send, calls } = script(503);
    const result = await withRetry(send, { ...timers.options, attempts: 0 });
    expect(calls()).toBe(1);
    expect(result.attempts).toBe(1);
  });
});
