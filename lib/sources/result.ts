/**
 * Turns a Prometheus HTTP API answer into one number per query, or a reason it
 * cannot be one (pure). Only what every Prometheus-compatible API answers
 * (Thanos, Mimir, VictoriaMetrics): the `{status, data: {resultType, result}}`
 * envelope of /api/v1/query and /api/v1/query_range, values as strings
 * ("NaN", "+Inf" included).
 *
 * A metric query must yield exactly one number: a scalar, or a vector with one
 * series. Several series (a template that matches two instances) are refused
 * rather than one picked: the admin aggregates in PromQL (sum, max, avg by).
 */
import { METRIC_RANGES, type SourceMetric } from './queries';

export type QueryValue = { ok: true; value: number; at: Date } | { ok: false; error: string };
export type RangeValues = { ok: true; points: { at: Date; value: number }[] } | { ok: false; error: string };

type Envelope = { status?: unknown; data?: { resultType?: unknown; result?: unknown }; error?: unknown; errorType?: unknown };

/** The API's own error (bad PromQL, timeout), or a broken envelope; null when the answer is a success. */
function envelopeError(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return 'the answer is not a Prometheus API response';
  const body = answer as Envelope;
  if (body.status === 'error') {
    const kind = typeof body.errorType === 'string' ? `${body.errorType}: ` : '';
    const text = typeof body.error === 'string' ? body.error.slice(0, 300) : 'no detail';
    return `Prometheus refused the query (${kind}${text})`;
  }
  if (body.status !== 'success' || typeof body.data !== 'object' || body.data === null) return 'the answer is not a Prometheus API response';
  return null;
}

function parseSampleValue(raw: unknown): number | null {
  if (typeof raw !== 'string') return null;
  // Go writes infinities as "+Inf"/"-Inf", which Number() would read as NaN; the range check refuses all three.
  if (/^\+?Inf$/i.test(raw)) return Number.POSITIVE_INFINITY;
  if (/^-Inf$/i.test(raw)) return Number.NEGATIVE_INFINITY;
  return raw.trim() === '' ? null : Number(raw);
}

/** Why `value` is not a valid `metric`, or null. */
export function rangeError(metric: SourceMetric, value: number): string | null {
  const range = METRIC_RANGES[metric];
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    return `value ${formatValue(value)} is out of range: ${metric} must be ${range.words}`;
  }
  return null;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(Math.round(value * 1e6) / 1e6);
}

function seriesCountError(count: number, labels: unknown[]): string {
  if (count === 0) return 'the query returned no series (empty result): check the metric name and the $component label';
  const shown = labels
    .slice(0, 3)
    .map((l) => JSON.stringify(l))
    .join(', ');
  return `the query returned ${count} series (${shown}${count > 3 ? ', …' : ''}); it must return exactly one — aggregate it, e.g. max(...) or sum(...)`;
}

/** An /api/v1/query answer as the one number `metric` needs. */
export function instantValue(metric: SourceMetric, answer: unknown): QueryValue {
  const broken = envelopeError(answer);
  if (broken) return { ok: false, error: broken };
  const { resultType, result } = (answer as Envelope).data!;
  let pair: unknown;
  if (resultType === 'scalar') pair = result;
  else if (resultType === 'vector' && Array.isArray(result)) {
    if (result.length !== 1) return { ok: false, error: seriesCountError(result.length, result.map((s: { metric?: unknown }) => s?.metric)) };
    pair = (result[0] as { value?: unknown }).value;
  } else if (resultType === 'string') {
    return { ok: false, error: 'the query returned a string, not a number' };
  } else if (resultType === 'matrix') {
    return { ok: false, error: 'the query returned a range vector; wrap it in a function such as rate(...[5m]) or avg_over_time(...)' };
  } else {
    return { ok: false, error: 'the answer is not a Prometheus API response' };
  }
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number') {
    return { ok: false, error: 'the answer is not a Prometheus API response' };
  }
  const value = parseSampleValue(pair[1]);
  if (value === null) return { ok: false, error: 'the answer is not a Prometheus API response' };
  const outOfRange = rangeError(metric, value);
  if (outOfRange) return { ok: false, error: outOfRange };
  return { ok: true, value, at: new Date(Math.round(pair[0] * 1000)) };
}

/**
 * An /api/v1/query_range answer as one series of points. A point out of range fails
 * the whole answer, as an instant value would: a query scaled wrong (a fraction
 * where a percentage is due) must not half-work.
 */
export function rangeValues(metric: SourceMetric, answer: unknown): RangeValues {
  const broken = envelopeError(answer);
  if (broken) return { ok: false, error: broken };
  const { resultType, result } = (answer as Envelope).data!;
  if (resultType !== 'matrix' || !Array.isArray(result)) {
    return { ok: false, error: resultType === 'string' ? 'the query returned a string, not a number' : 'the answer is not a Prometheus range response' };
  }
  if (result.length !== 1) return { ok: false, error: seriesCountError(result.length, result.map((s: { metric?: unknown }) => s?.metric)) };
  const values = (result[0] as { values?: unknown }).values;
  if (!Array.isArray(values)) return { ok: false, error: 'the answer is not a Prometheus range response' };
  const points: { at: Date; value: number }[] = [];
  for (const pair of values) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'number') continue;
    const value = parseSampleValue(pair[1]);
    if (value === null) continue;
    const refusal = rangeError(metric, value);
    if (refusal) return { ok: false, error: `${refusal} (at ${new Date(Math.round(pair[0] * 1000)).toISOString()})` };
    points.push({ at: new Date(Math.round(pair[0] * 1000)), value });
  }
  if (points.length === 0) return { ok: false, error: 'the query returned no points in the last hour' };
  return { ok: true, points };
}
