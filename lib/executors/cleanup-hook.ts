/**
 * Memory cleanup through a component's own HTTP hook (SPEC §2).
 *
 * Request the console sends:
 *   POST <component's cleanup URL>
 *   Content-Type: application/json
 *   X-SHC-Timestamp: <unix seconds>
 *   X-SHC-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>   (only when a secret is set)
 *   {"component": "<name>", "requested_at": "<ISO 8601>"}
 *
 * How a component verifies it: take the X-SHC-Timestamp header and the raw request
 * body bytes exactly as received (before any JSON parsing), compute
 * HMAC-SHA256 with the shared secret over `${timestamp}.${body}`, hex-encode it,
 * prefix `sha256=`, and compare with X-SHC-Signature in constant time. Reject when
 * the timestamp is more than 5 minutes from your clock (replay protection).
 * `verifyHookSignature` below does exactly this for Node components.
 *
 * Expected answer: 2xx with JSON `{"memory_freed_mb": n, "objects_collected": n, "current_memory_mb": n}`.
 *
 * Credentials in the URL (`https://user:pass@host/cleanup`) are sent as
 * `Authorization: Basic …`, as curl does (fetch refuses such URLs, and its error
 * would quote them). Nothing the hook answers is echoed into the console's
 * answers or audit rows beyond the three numbers: an error body may hold anything
 * (stack traces, tokens), so a failure names the status only. Transport failures
 * read "Cleanup hook unreachable" (viewers see results; "connection refused on
 * 10.0.0.7:8080" would make the hook a port scanner); the detail is logged.
 *
 * Where a hook may be called: lib/executors/http/address-policy.ts, checked on
 * the resolved address right before connecting (http/outbound.ts). Answers are
 * capped at 64 KB, and redirects followed only within the hook's origin.
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { log } from '@/lib/log';
import { observeExecutorCall } from '@/lib/observability/metrics';
import { basicAuthFromUrl, stripUrlCredentials } from '@/db/url-credentials';
import { DEFAULT_HOOK_ALLOWED_RANGES, hookAddressRefusal, parseAllowedRanges } from './http/address-policy';
import { createOutboundFetch, OutboundRefusedError, type OutboundOptions } from './http/outbound';
import { isTimeoutError, transportLogDetail, withRetry, type RetryOptions } from './retry';
import type { CleanupExecutor, CleanupOutcome } from './types';

export const TIMESTAMP_HEADER = 'X-SHC-Timestamp';
export const SIGNATURE_HEADER = 'X-SHC-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` */
export function signHookBody(secret: string, timestamp: string | number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * True when `signature` is the signature of `body` at `timestamp` (unix seconds, as
 * sent in X-SHC-Timestamp) under `secret`, and the timestamp is within 5 minutes of
 * `nowMs` either way. Compares in constant time so the signature cannot be guessed
 * byte by byte from response times.
 */
export function verifyHookSignature(
  secret: string,
  timestamp: string | null | undefined,
  body: string,
  signature: string | null | undefined,
  nowMs: number = Date.now(),
): boolean {
  if (!secret || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signHookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const number = () =>
  z.number({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a number') });
const answerSchema = z.object(
  {
    memory_freed_mb: number(),
    objects_collected: number().min(0, 'must be ≥ 0'),
    current_memory_mb: number().min(0, 'must be ≥ 0'),
  },
  { error: 'must be a JSON object' },
);

export interface CleanupHookExecutorOptions {
  /** Per request (default 5 s). */
  timeoutMs?: number;
  /** The admin's allowed internal ranges (the `hook_allowed_ranges` setting), read per call; default loopback only. */
  allowedRanges?: () => Promise<readonly string[]>;
  /** Body cap and, for tests, name resolution; the address check is always on. */
  http?: Omit<OutboundOptions, 'addressCheck'>;
  /** Defaults to one retry at most, short waits: cleanup should be quick or not at all. */
  retry?: RetryOptions;
  /** For signing; default Date.now. */
  now?: () => number;
}

const HOOK_RETRY_DEFAULTS: RetryOptions = { attempts: 2, baseMs: 250, capMs: 1000 };

export function createCleanupHookExecutor(options: CleanupHookExecutorOptions = {}): CleanupExecutor {
  const timeoutMs = options.timeoutMs ?? 5000;
  const allowedRanges = options.allowedRanges ?? (async () => DEFAULT_HOOK_ALLOWED_RANGES);
  const now = options.now ?? Date.now;
  const retry = { ...HOOK_RETRY_DEFAULTS, ...options.retry };

  const executor: CleanupExecutor = {
    async cleanup({ component, url, secret }): Promise<CleanupOutcome> {
      const empty = { memory_freed_mb: null, objects_collected: null, current_memory_mb: null };
      const target = parseHookUrl(url);
      if ('error' in target) {
        return { success: false, status_code: null, attempts: 0, message: 'Request not sent', error: target.error, ...empty };
      }
      // Query strings may carry tokens; logs get origin and path only (URL.origin has no userinfo).
      const where = `${target.url.origin}${target.url.pathname}`;
      const allowance = parseAllowedRanges(await allowedRanges());
      if ('error' in allowance) {
        // Validated when saved; a hand-edited row fails closed (no internal range allowed).
        log.error('hook_allowed_ranges setting is malformed; allowing no internal range', { error: allowance.error });
      }
      const ranges = 'ranges' in allowance ? allowance.ranges : [];
      const fetchFn = createOutboundFetch({ ...options.http, addressCheck: (address) => hookAddressRefusal(address, ranges) });
      const authorization = basicAuthFromUrl(target.url);
      const requestUrl = new URL(target.url);
      requestUrl.username = '';
      requestUrl.password = '';

      const { last, attempts } = await withRetry(
        () => {
          // Signed afresh per attempt so a retry after a long wait is not stale.
          const nowMs = now();
          const body = JSON.stringify({ component, requested_at: new Date(nowMs).toISOString() });
          const timestamp = String(Math.floor(nowMs / 1000));
          const headers: Record<string, string> = {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            [TIMESTAMP_HEADER]: timestamp,
          };
          if (secret) headers[SIGNATURE_HEADER] = signHookBody(secret, timestamp, body);
          if (authorization) headers.Authorization = authorization;
          // 307/308 within the hook's origin are followed; a 301/302/303 (which would turn the POST into a GET) is reported.
          return fetchFn(requestUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        },
        {
          ...retry,
          onRetry: (info) => {
            log.warn('cleanup hook retry', { component, url: where, ...info });
            retry.onRetry?.(info);
          },
        },
      );

      /** `cause` (the transport error) goes to the log only. */
      const fail = (status_code: number | null, error: string, cause?: unknown): CleanupOutcome => {
        log.warn('cleanup hook failed', { component, url: where, status: status_code, attempts, error, ...transportLogDetail(cause) });
        return { success: false, status_code, attempts, message: 'Cleanup hook failed', error, ...empty };
      };
      const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;

      if (!last.response) {
        if (isTimeoutError(last.error)) return fail(null, `Cleanup hook timed out after ${timeoutMs} ms (${tries})`);
        if (last.error instanceof OutboundRefusedError) return fail(null, `Cleanup hook ${last.error.message}`, last.error);
        return fail(null, `Cleanup hook unreachable (${tries})`, last.error);
      }
      const { response } = last;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (error instanceof OutboundRefusedError) return fail(response.status, `Cleanup hook ${error.message}`, error);
        const reason = isTimeoutError(error) ? `timed out after ${timeoutMs} ms` : 'connection dropped';
        return fail(response.status, `Cleanup hook answer lost: ${reason}`, error);
      }
      if (!response.ok) {
        // The body is not echoed (see the top of this file).
        return fail(response.status, `Cleanup hook answered HTTP ${response.status}`);
      }

      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return fail(response.status, 'Cleanup hook answer is not JSON');
      }
      const parsed = answerSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || 'answer';
        return fail(response.status, `Cleanup hook answer is malformed: ${field} ${issue?.message ?? 'is invalid'}`);
      }
      const answer = parsed.data;
      log.info('cleanup hook', { component, url: where, status: response.status, attempts, ...answer });
      return {
        success: true,
        status_code: response.status,
        attempts,
        message: `Cleanup freed ${round(answer.memory_freed_mb)} MB (${answer.objects_collected} objects collected); now ${round(answer.current_memory_mb)} MB`,
        ...answer,
      };
    },
  };
  return {
    async cleanup(request) {
      const outcome = await executor.cleanup(request);
      observeExecutorCall('cleanup_hook', 'cleanup', outcome);
      return outcome;
    },
  };
}

function parseHookUrl(url: string): { url: URL } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `Cleanup hook URL "${stripUrlCredentials(url)}" is not a valid URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { error: `Cleanup hook URL must be http or https, got ${parsed.protocol.replace(/:$/, '')}` };
  }
  return { url: parsed };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
