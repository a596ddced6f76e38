/**
 * Pulls samples from Prometheus sources into the same health check a single
 * POST /components/{name}/health runs (runHealthCheck: sample stored,
 * health_checks row, `proactive_health_check` record, reconciler sees it).
 *
 * Per component of a source, each pass:
 *   - first time (no backfill yet): one range query per metric over the last
 *     hour, and a health check per step where every required metric has a
 *     value, oldest first — so prediction and leak detection have history at once;
 *   - afterwards: one instant query per metric at the pass's time, one check.
 * Any failing query (unreachable, bad PromQL, empty result, a string, several
 * series, a value out of range) stores no sample and no check: it becomes the
 * source's status for that component, shown as such, never as health.
 * Level-triggered: a pass asks for the current value; a missed pass loses nothing
 * but a sample.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { currentHookRanges } from '@/lib/services/hook-addresses';
import { sourceStatuses, upsertSourceStatus } from '@/db/queries/prometheus-sources';
import type { PrometheusSource, PrometheusSourceStatus } from '@/db/schema';
import { parseAllowedRanges } from '@/lib/executors/http/address-policy';
import { createPrometheusClient, type PrometheusClient, type PrometheusClientOptions } from '@/lib/executors/prometheus/client';
import type { HealingTriggers } from '@/lib/healing/types';
import { log } from '@/lib/log';
import { renderQueries, REQUIRED_METRICS, type SourceMetric } from '@/lib/sources/queries';
import { instantValue, rangeValues } from '@/lib/sources/result';
import { metricFailure } from '@/lib/sources/status';
import type { SampleInput } from '@/lib/validation/sample';
import { runHealthCheck } from './health-check';

export const BACKFILL_MINUTES = 60;
/** At most 60 backfilled checks per component and hour: the step is the pull interval, at least a minute. */
export const MIN_BACKFILL_STEP_SECONDS = 60;

export interface PullContext {
  triggers: HealingTriggers;
  now: Date;
  /** Backfill step; default max(pull interval, 60 s). */
  stepSeconds: number;
  /** For tests: how calls are made (name resolution). */
  client?: Pick<PrometheusClientOptions, 'resolve' | 'timeoutMs'>;
}

export interface MetricResult {
  metric: SourceMetric;
  query: string;
  ok: boolean;
  value: number | null;
  error: string | null;
}

export async function clientFor(db: Db, source: PrometheusSource, options: PullContext['client'] = {}): Promise<PrometheusClient> {
  const parsed = parseAllowedRanges((await currentHookRanges(db)).ranges);
  const auth =
    source.authKind === 'bearer'
      ? { kind: 'bearer' as const, token: source.authSecret }
      : source.authKind === 'basic'
        ? { kind: 'basic' as const, username: source.authUsername ?? '', password: source.authSecret }
        : { kind: 'none' as const };
  return createPrometheusClient({ baseUrl: source.baseUrl, auth }, { ...options, allowedRanges: 'ranges' in parsed ? parsed.ranges : [] });
}

/** What each query of the source returns now for `component` (the "Test queries" action; stores nothing). */
export async function testSourceQueries(db: Db, source: PrometheusSource, component: string, ctx: Pick<PullContext, 'now' | 'client'>): Promise<MetricResult[]> {
  const client = await clientFor(db, source, ctx.client);
  return Promise.all(
    renderQueries(source.queries, component).map(async ({ metric, query }): Promise<MetricResult> => {
      const answer = await client.query(query);
      const result = answer.ok ? instantValue(metric, answer.body) : answer;
      return result.ok
        ? { metric, query, ok: true, value: result.value, error: null }
        : { metric, query, ok: false, value: null, error: result.error };
    }),
  );
}

function toSample(values: Partial<Record<SourceMetric, number>>, at: Date): SampleInput | null {
  if (REQUIRED_METRICS.some((m) => values[m] === undefined)) return null;
  return {
    cpu_usage: values.cpu_usage!,
    memory_usage: values.memory_usage!,
    error_rate: values.error_rate!,
    latency_ms: values.latency_ms!,
    ...(values.memory_mb !== undefined && { memory_mb: values.memory_mb }),
    timestamp: at,
  };
}

type Outcome = { ok: true; lastSampleAt: Date } | { ok: false; error: string };

/** Every query at the pass's time: the sample they make, or the first failing metric and why. */
async function instantSample(client: PrometheusClient, source: PrometheusSource, component: string, now: Date): Promise<{ ok: true; sample: SampleInput } | { ok: false; error: string }> {
  const results = await Promise.all(
    renderQueries(source.queries, component).map(async ({ metric, query }) => {
      // At the server's now: a Prometheus whose clock is behind the console's would otherwise be asked about its future.
      const answer = await client.query(query);
      return { metric, result: answer.ok ? instantValue(metric, answer.body) : answer };
    }),
  );
  const failed = results.find((r) => !r.result.ok);
  if (failed && !failed.result.ok) return { ok: false, error: metricFailure(failed.metric, failed.result.error) };
  const values = Object.fromEntries(results.map((r) => [r.metric, r.result.ok ? r.result.value : undefined]));
  return { ok: true, sample: toSample(values, now)! };
}

async function pullInstant(db: Db, client: PrometheusClient, source: PrometheusSource, component: string, ctx: PullContext): Promise<Outcome> {
  const instant = await instantSample(client, source, component, ctx.now);
  if (!instant.ok) return instant;
  await runHealthCheck(db, component, instant.sample, { triggers: ctx.triggers, now: ctx.now, sender: senderFor(source) });
  return { ok: true, lastSampleAt: ctx.now };
}

async function backfill(db: Db, client: PrometheusClient, source: PrometheusSource, component: string, ctx: PullContext): Promise<Outcome> {
  // The instant queries first: their answer says precisely what is wrong (a string, several
  // series, an empty result), where a range query would only be refused.
  const probe = await instantSample(client, source, component, ctx.now);
  if (!probe.ok) return probe;
  const start = new Date(ctx.now.getTime() - BACKFILL_MINUTES * 60_000);
  const byTime = new Map<number, Partial<Record<SourceMetric, number>>>();
  for (const { metric, query } of renderQueries(source.queries, component)) {
    const answer = await client.queryRange(query, start, ctx.now, ctx.stepSeconds);
    const result = answer.ok ? rangeValues(metric, answer.body) : answer;
    if (!result.ok) return { ok: false, error: metricFailure(metric, result.error) };
    for (const point of result.points) {
      const key = point.at.getTime();
      byTime.set(key, { ...byTime.get(key), [metric]: point.value });
    }
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let last: Date | null = null;
  for (const time of times) {
    const sample = toSample(byTime.get(time)!, new Date(time));
    if (!sample) continue;
    await runHealthCheck(db, component, sample, { triggers: ctx.triggers, now: ctx.now, sender: senderFor(source) });
    last = new Date(time);
  }
  if (!last) return { ok: false, error: 'no step of the last hour has a value for every required metric' };
  return { ok: true, lastSampleAt: last };
}

/** Samples from a source are marked as its own (evidence shows where they came from; no person sent them). */
function senderFor(source: PrometheusSource) {
  return { name: `prometheus-source:${source.name}`, user_id: null };
}

/** One pass over one source; a failure of one component is its status and does not stop the others. */
export async function pullSource(db: Db, source: PrometheusSource, ctx: PullContext): Promise<{ ok: number; failed: number }> {
  const client = await clientFor(db, source, ctx.client);
  const statuses = new Map<string, PrometheusSourceStatus>((await sourceStatuses(db, source.id)).map((s) => [s.component, s]));
  const counts = { ok: 0, failed: 0 };
  for (const component of source.components) {
    const first = !statuses.get(component)?.backfilledAt;
    let outcome: Outcome;
    try {
      outcome = first ? await backfill(db, client, source, component, ctx) : await pullInstant(db, client, source, component, ctx);
    } catch (error) {
      // A check that cannot be stored (component cap reached, database error) is the source's status too.
      log.error('prometheus source pull failed', { source: source.name, component, error });
      outcome = { ok: false, error: error instanceof Error && 'status' in error ? error.message : 'the pulled sample could not be checked; see the console log' };
    }
    if (outcome.ok) counts.ok++;
    else counts.failed++;
    await upsertSourceStatus(db, {
      sourceId: source.id,
      component,
      ok: outcome.ok,
      error: outcome.ok ? null : outcome.error,
      checkedAt: ctx.now,
      ...(outcome.ok && { lastSampleAt: outcome.lastSampleAt }),
      ...(outcome.ok && first && { backfilledAt: ctx.now }),
    });
  }
  return counts;
}
