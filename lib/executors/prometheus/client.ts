/**
 * The console's client of the Prometheus HTTP API — only the two endpoints every
 * Prometheus-compatible server answers (Prometheus, Thanos Query, Mimir,
 * VictoriaMetrics): GET {base}/api/v1/query and GET {base}/api/v1/query_range.
 * The base URL may carry a path prefix (Mimir: http://mimir/prometheus).
 *
 * Calls go through the one outbound fetch (http/outbound.ts) with the cleanup
 * hooks' address rule: loopback and private addresses only when the admin's
 * allowed ranges (Administration → Cleanup hook addresses) hold them, link-local
 * and metadata addresses never — one list of internal networks the console may
 * call, not one per feature. Answers are capped at 2 MB (an hour of one series at
 * a 1-s step is ~120 KB). Redirects stay within the origin (credentials travel nowhere else).
 *
 * Credentials (bearer token, basic-auth password) are sent as the Authorization
 * header and appear in no error and no log line: failures name the status or
 * "unreachable", as the hook executor does; the transport detail is logged.
 */
import 'server-only';
import { log } from '@/lib/log';
import { hookAddressRefusal, type Cidr } from '../http/address-policy';
import { createOutboundFetch, OutboundRefusedError, type Resolver } from '../http/outbound';
import { isTimeoutError, transportLogDetail } from '../retry';

export type PrometheusAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string | null }
  | { kind: 'basic'; username: string; password: string | null };

export interface PrometheusTarget {
  baseUrl: string;
  auth: PrometheusAuth;
}

/** The parsed JSON answer (success or the API's own error envelope), or why there is none. */
export type ApiAnswer = { ok: true; body: unknown } | { ok: false; error: string };

export interface PrometheusClient {
  /** At `time`, or (omitted) at the server's own now — immune to a skew between its clock and the console's. */
  query(promql: string, time?: Date): Promise<ApiAnswer>;
  queryRange(promql: string, start: Date, end: Date, stepSeconds: number): Promise<ApiAnswer>;
}

export interface PrometheusClientOptions {
  /** Internal ranges the admin allows (parsed); loopback/private addresses outside them are refused. */
  allowedRanges: readonly Cidr[];
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** For tests: resolve names without DNS. */
  resolve?: Resolver;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

function authorization(auth: PrometheusAuth): string | null {
  if (auth.kind === 'bearer') return auth.token ? `Bearer ${auth.token}` : null;
  if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`;
  return null;
}

const seconds = (date: Date) => (date.getTime() / 1000).toFixed(3);

export function createPrometheusClient(target: PrometheusTarget, options: PrometheusClientOptions): PrometheusClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = createOutboundFetch({
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    resolve: options.resolve,
    addressCheck: (address) => hookAddressRefusal(address, options.allowedRanges),
  });
  const header = authorization(target.auth);
  const base = new URL(target.baseUrl);
  // Logs get origin and path only.
  const where = `${base.origin}${base.pathname}`;

  async function call(endpoint: string, params: Record<string, string>): Promise<ApiAnswer> {
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}/api/v1/${endpoint}`, base.origin);
    url.search = new URLSearchParams(params).toString();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (header) headers.Authorization = header;
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      log.warn('prometheus source call failed', { url: where, endpoint, ...transportLogDetail(error) });
      if (isTimeoutError(error)) return { ok: false, error: `Prometheus did not answer within ${timeoutMs} ms` };
      if (error instanceof OutboundRefusedError) return { ok: false, error: `Prometheus call refused: ${error.message}` };
      return { ok: false, error: 'Prometheus unreachable' };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    // Prometheus answers bad PromQL with 400 and its JSON error envelope: that envelope is the useful part.
    const isEnvelope = typeof body === 'object' && body !== null && 'status' in body;
    if (isEnvelope && (response.ok || response.status === 400 || response.status === 422)) return { ok: true, body };
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: `Prometheus answered HTTP ${response.status}: check the source's credentials` };
    }
    if (!response.ok) return { ok: false, error: `Prometheus answered HTTP ${response.status}` };
    return { ok: false, error: 'the answer is not a Prometheus API response (is the base URL the server, not its UI?)' };
  }

  return {
    query: (promql, time) => call('query', time ? { query: promql, time: seconds(time) } : { query: promql }),
    queryRange: (promql, start, end, stepSeconds) =>
      call('query_range', { query: promql, start: seconds(start), end: seconds(end), step: String(stepSeconds) }),
  };
}
