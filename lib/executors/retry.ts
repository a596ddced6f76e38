/**
 * Bounded retries for outbound HTTP calls (Render's API, cleanup hooks).
 *
 * Policy: retry only what another attempt can fix — 429, 5xx, and transport
 * failures (network errors, timeouts). Everything else (4xx, and calls the
 * outbound module refused: see http/outbound.ts) is an answer, not a hiccup,
 * and is returned at once.
 *
 * Delay before retry n (n = 0 for the first retry) is FULL jitter,
 * `random(0, min(cap, base * 2**n))`, so many consoles retrying the same outage
 * spread out instead of stampeding together. When the server says how long to
 * wait (`Retry-After`, or Render's `Ratelimit-Reset`), that wait is used instead,
 * capped at `cap` so a misbehaving header cannot stall a remediation for an hour.
 *
 * Clock, randomness and sleep are injectable so tests can assert exact delays.
 */
import { OutboundRefusedError } from './http/outbound';

import 'server-only';
export interface RetryOptions {
  /** Total attempts including the first (default 4). */
  attempts?: number;
  /** Backoff base in ms (default 500). */
  baseMs?: number;
  /** Upper bound of any single wait in ms, also for server-requested waits (default 8000). */
  capMs?: number;
  /** Uniform [0, 1) source; default Math.random. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Current time in ms since the epoch, for `Retry-After` HTTP dates; default Date.now. */
  now?: () => number;
  /** Called before each wait, e.g. to log; never receives request headers or bodies. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  delayMs: number;
  /** Status of the failed attempt, null for a transport failure. */
  status: number | null;
  /** Why the delay was chosen: the server asked, or backoff. */
  reason: 'retry-after' | 'ratelimit-reset' | 'backoff';
}

/** The last attempt: a response (any status), or the error a transport failure threw. */
export type AttemptResult = { response: Response; error?: undefined } | { response?: undefined; error: unknown };

export interface RetryResult {
  last: AttemptResult;
  /** Requests actually sent. */
  attempts: number;
}

export const RETRY_DEFAULTS = { attempts: 4, baseMs: 500, capMs: 8000 } as const;

/**
 * The longest one logical call can take under these options when every attempt
 * times out after `timeoutMs` and every wait is the longest allowed (`capMs`,
 * which also bounds server-requested waits).
 */
export function worstCaseCallMs(timeoutMs: number, options: RetryOptions = {}): number {
  const attempts = Math.max(1, Math.floor(options.attempts ?? RETRY_DEFAULTS.attempts));
  return attempts * timeoutMs + (attempts - 1) * (options.capMs ?? RETRY_DEFAULTS.capMs);
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 429 and 5xx: the server is overloaded or briefly broken; another attempt may succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Full-jitter backoff before retry `retryIndex` (0-based). */
export function backoffDelay(retryIndex: number, random: () => number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** `Ratelimit-Reset` values above this are epoch seconds, not seconds to wait. */
export const RATELIMIT_RESET_EPOCH_THRESHOLD = 1e9;

/**
 * The wait the server asked for, in ms, capped at `capMs`; null when it did not ask
 * (or asked in a form we cannot read, in which case backoff is the safer guess).
 * `Retry-After` is delta-seconds or an HTTP date. `Ratelimit-Reset` is, per
 * Render's documentation, the UTC epoch second at which the window resets; the
 * IETF RateLimit draft (and other APIs) send seconds until then. Both are read:
 * a value above RATELIMIT_RESET_EPOCH_THRESHOLD (1e9 s ≈ 2001-09-09, far more
 * than any wait) is an epoch time, anything smaller a number of seconds.
 */
export function serverRequestedDelay(
  headers: Headers,
  nowMs: number,
  capMs: number,
): { delayMs: number; reason: 'retry-after' | 'ratelimit-reset' } | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    const ms = /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - nowMs;
    if (Number.isFinite(ms)) return { delayMs: clamp(ms, capMs), reason: 'retry-after' };
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const seconds = Number(reset);
    const ms = seconds > RATELIMIT_RESET_EPOCH_THRESHOLD ? seconds * 1000 - nowMs : seconds * 1000;
    return { delayMs: clamp(ms, capMs), reason: 'ratelimit-reset' };
  }
  return null;
}

function clamp(ms: number, capMs: number): number {
  return Math.min(capMs, Math.max(0, Math.ceil(ms)));
}

/**
 * Runs `send` until it yields a non-retryable response or attempts run out.
 * `send` gets the 1-based attempt number and should throw only for transport
 * failures (fetch does: network errors and AbortSignal timeouts). Bodies of
 * discarded responses are cancelled so their sockets are released.
 */
export async function withRetry(
  send: (attempt: number) => Promise<Response>,
  options: RetryOptions = {},
): Promise<RetryResult> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? RETRY_DEFAULTS.attempts));
  const baseMs = options.baseMs ?? RETRY_DEFAULTS.baseMs;
  const capMs = options.capMs ?? RETRY_DEFAULTS.capMs;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;

  let last: AttemptResult = { error: new Error('no attempt made') };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      last = { response: await send(attempt) };
    } catch (error) {
      last = { error };
    }
    const status = last.response?.status ?? null;
    // A refused call (address, redirect) would be refused again: not a hiccup.
    const retryable = status === null ? !(last.error instanceof OutboundRefusedError) : isRetryableStatus(status);
    if (!retryable || attempt === attempts) return { last, attempts: attempt };

    const asked = last.response ? serverRequestedDelay(last.response.headers, now(), capMs) : null;
    const delayMs = asked?.delayMs ?? backoffDelay(attempt - 1, random, baseMs, capMs);
    await last.response?.body?.cancel().catch(() => undefined);
    options.onRetry?.({ attempt, delayMs, status, reason: asked?.reason ?? 'backoff' });
    await sleep(delayMs);
  }
  return { last, attempts };
}

/** True when fetch gave up because its AbortSignal.timeout fired. */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * A transport failure in words: fetch's own message ("fetch failed") hides the
 * useful part in `cause` (e.g. "connect ECONNREFUSED 127.0.0.1:1").
 */
export function describeTransportError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}

/** What the server log gets about a failed call: the transport error (host, port, errno) or a refusal's detail. */
export function transportLogDetail(cause: unknown): Record<string, unknown> {
  if (cause === undefined) return {};
  if (cause instanceof OutboundRefusedError) return { refused: cause.reason, ...cause.detail };
  return { detail: describeTransportError(cause) };
}
