/**
 * The metric queries of a Prometheus source and their templates (pure).
 *
 * One PromQL query per metric of SPEC §1; `memory_mb` is optional. A query is a
 * template: `$component` (or `${component}`) is replaced by each component's
 * name, so one definition serves a group — `avg(rate(cpu_seconds{service="$component"}[1m]))*100`.
 * Component names match [a-z0-9._-], so the substituted text needs no quoting
 * inside a label matcher's string.
 */
import type { PrometheusQueries } from '@/db/schema';

export const REQUIRED_METRICS = ['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms'] as const;
export const SOURCE_METRICS = [...REQUIRED_METRICS, 'memory_mb'] as const;
export type SourceMetric = (typeof SOURCE_METRICS)[number];

/** What each metric's value must be (the same ranges POST /health enforces). */
export const METRIC_RANGES: Record<SourceMetric, { min: number; max: number; words: string }> = {
  cpu_usage: { min: 0, max: 100, words: 'a percentage between 0 and 100' },
  memory_usage: { min: 0, max: 100, words: 'a percentage between 0 and 100' },
  error_rate: { min: 0, max: 1, words: 'a fraction between 0 and 1' },
  latency_ms: { min: 0, max: Number.POSITIVE_INFINITY, words: 'milliseconds ≥ 0' },
  memory_mb: { min: 0, max: Number.POSITIVE_INFINITY, words: 'megabytes ≥ 0' },
};

const PLACEHOLDER = /\$\{component\}|\$component\b/g;

/** The query for one component. */
export function renderQuery(template: string, component: string): string {
  return template.replace(PLACEHOLDER, component);
}

/** The metrics a source defines, in a fixed order, each with its query for `component`. */
export function renderQueries(queries: PrometheusQueries, component: string): { metric: SourceMetric; query: string }[] {
  return SOURCE_METRICS.flatMap((metric) => {
    const template = queries[metric];
    return template ? [{ metric, query: renderQuery(template, component) }] : [];
  });
}
