/**
 * The console's own Prometheus metrics (GET /metrics): one prom-client Registry
 * for the process, created once — Next.js dev reloads modules (HMR) and would
 * otherwise register every metric a second time, which prom-client refuses —
 * so it lives on globalThis like the database handle.
 *
 * Counters and histograms count what happened in THIS process. Gauges that
 * describe shared state (approvals pending, the database) are read at scrape
 * time by app/metrics/route.ts, so every console process reports the same.
 * Label values are bounded: route patterns, fixed vocabularies — never names
 * a caller chose (components, tokens, users).
 */
import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Request and database latencies: 5 ms … 10 s. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges named *_total, which `promtool check metrics` rejects; their per-type
  // siblings (nodejs_active_handles{type=…}, …) carry the same numbers.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
    registry.removeSingleMetric(name);
  }
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'shc_http_requests_total',
      help: 'API requests answered, by route pattern, method and status code.',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'shc_http_request_duration_seconds',
      help: 'Time to answer an API request, by route pattern, method and status code.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    samplesIngested: new Counter({
      name: 'shc_samples_ingested_total',
      help: 'Metric samples stored, by path: batch (POST /api/v1/metrics, demo backfill) or check (one sample, one health check).',
      labelNames: ['path'] as const,
      registers,
    }),
    healthChecks: new Counter({
      name: 'shc_health_checks_total',
      help: 'Health checks recorded, by the status written to unified_brain.',
      labelNames: ['status'] as const,
      registers,
    }),
    reconcilerPasses: new Histogram({
      name: 'shc_reconciler_pass_duration_seconds',
      help: 'Duration of reconciler passes run by this process, by result (completed, completed_with_failures, aborted).',
      labelNames: ['result'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    reconcilerCounts: new Counter({
      name: 'shc_reconciler_outcomes_total',
      help: 'Sum of the counts of reconciler passes run by this process (as in their reconciliation_cycle rows), by count.',
      labelNames: ['count'] as const,
      registers,
    }),
    remediations: new Counter({
      name: 'shc_remediations_total',
      help: 'Remediations reaching an outcome in this process, by action and outcome.',
      labelNames: ['action', 'outcome'] as const,
      registers,
    }),
    approvalsPending: new Gauge({
      name: 'shc_approvals_pending',
      help: 'Remediations waiting for an approver (read from the database at scrape; NaN when it cannot be read).',
      registers,
    }),
    decisionLatency: new Histogram({
      name: 'shc_approval_decision_seconds',
      help: 'Time from a remediation being requested to an approver deciding it, by decision.',
      labelNames: ['decision'] as const,
      buckets: [10, 30, 60, 120, 300, 600, 900, 1800, 3600],
      registers,
    }),
    executorCalls: new Counter({
      name: 'shc_executor_calls_total',
      help: 'Calls to the outside world by executor (render, cleanup_hook), action and outcome (success, failure, not_sent).',
      labelNames: ['executor', 'action', 'outcome'] as const,
      registers,
    }),
    lastPassTime: new Gauge({
      name: 'shc_reconciler_last_pass_timestamp_seconds',
      help: 'When the newest reconciler pass of any process ended (its reconciliation_cycle row, read at scrape; NaN before the first).',
      registers,
    }),
    lastPassDuration: new Gauge({
      name: 'shc_reconciler_last_pass_seconds',
      help: 'Duration of that newest reconciler pass, any process (read at scrape).',
      registers,
    }),
    databaseUp: new Gauge({
      name: 'shc_database_up',
      help: '1 when the database answered the probe made at this scrape, else 0.',
      registers,
    }),
    databaseLatency: new Gauge({
      name: 'shc_database_probe_seconds',
      help: 'Round trip of the database probe made at this scrape (select 1); NaN when it failed.',
      registers,
    }),
  };
}

export type ConsoleMetrics = ReturnType<typeof create>;

const globalForMetrics = globalThis as typeof globalThis & { __shcMetrics?: ConsoleMetrics };

export function metrics(): ConsoleMetrics {
  globalForMetrics.__shcMetrics ??= create();
  return globalForMetrics.__shcMetrics;
}

/** An outcome as an executor reports it: sent and succeeded, sent and failed, or refused before sending. */
export function observeExecutorCall(executor: 'render' | 'cleanup_hook', action: string, outcome: { success: boolean; attempts: number }): void {
  const result = outcome.success ? 'success' : outcome.attempts === 0 ? 'not_sent' : 'failure';
  metrics().executorCalls.inc({ executor, action, outcome: result });
}
