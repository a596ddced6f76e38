/**
 * Everything the component page shows, read in one place: the latest health
 * report, downsampled series for the chosen range, the prediction's trend
 * line, state and config history, and open approval requests.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { recentConfigs, recentStates } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import { latestSampleAt, metricBuckets, scoreBuckets } from '@/db/queries/metric-series';
import { samplesInWindow } from '@/db/queries/metrics';
import { pendingApprovalCount } from '@/db/queries/remediations';
import type { ComponentConfig } from '@/db/schema';
import { bucketSecondsFor } from '@/lib/dashboard/buckets';
import { DURATION_SECONDS, type ChartRange } from '@/lib/dashboard/durations';
import { projectionLine, type ProjectionLine } from '@/lib/dashboard/projection-line';
import { PREDICTION_MAX_SAMPLES, PREDICTION_MAX_WINDOW_MINUTES } from '@/lib/healing/projection';
import type { MetricName, Thresholds } from '@/lib/healing/types';
import type { ConsoleProposal } from '@/lib/dashboard/proposal';
import { componentAlerts, type AlertView } from './alerts';
import { componentDetail, type ComponentDetail } from './components';
import { defaultOverviewDeps, proposalFor, type OverviewDeps } from './overview';
import { toMetricSample } from './health-check';

const HISTORY_ROWS = 20;
/** How far past now the charts reach when the prediction's line is drawn, as a fraction of the range. */
const FUTURE_FRACTION = 0.5;

/** One chart point per bucket; times as epoch ms so the client charts need no parsing. */
export interface MetricPoint {
  t: number;
  samples: number;
  cpu_usage: number;
  cpu_usage_max: number;
  memory_usage: number;
  memory_usage_max: number;
  error_rate: number;
  error_rate_max: number;
  latency_ms: number;
  latency_ms_max: number;
  memory_mb: number | null;
  memory_mb_max: number | null;
}

export interface ScorePoint {
  t: number;
  checks: number;
  score: number;
  score_min: number;
}

export interface HistoryEntry<T> {
  id: number;
  recorded_at: string;
  by: string;
  value: T;
}

export interface ComponentDashboard {
  detail: ComponentDetail;
  range: ChartRange;
  /** Chart span, epoch ms: `to` is now, `end` the right edge of every chart (past now when a projection is drawn). */
  from: number;
  to: number;
  end: number;
  bucketSeconds: number;
  scores: ScorePoint[];
  metrics: MetricPoint[];
  /** The prediction's fitted line for the metric that drives it, when it is a trend. */
  projection: ProjectionLine | null;
  thresholds: Thresholds;
  states: HistoryEntry<Record<string, unknown>>[];
  configs: HistoryEntry<ComponentConfig>[];
  pendingApprovals: number;
  /** What the console proposes for this component (as on the overview). */
  proposal: ConsoleProposal;
  /** The reconciler ignores checks older than this; the page calls them stale. */
  maxEvidenceAgeSeconds: number;
  /** Alertmanager alerts: firing first, then the latest resolved. */
  alerts: AlertView[];
}

async function trendLine(
  db: Db,
  componentId: string,
  metric: MetricName | null,
  thresholds: Thresholds,
  span: { from: number; to: number },
): Promise<ProjectionLine | null> {
  if (!metric) return null;
  const newest = await latestSampleAt(db, componentId);
  // A component silent since before the chart starts has no current trend to draw.
  if (!newest || newest.getTime() < span.from) return null;
  // Enough for the window the health check fitted (sampling-aware, at most 2 h) up to the newest sample.
  const since = new Date(newest.getTime() - PREDICTION_MAX_WINDOW_MINUTES * 60_000 - 1);
  const window = await samplesInWindow(db, componentId, since, newest, PREDICTION_MAX_SAMPLES);
  // Drawn at most half a chart-width into the future, so the history keeps most of the width.
  return projectionLine(window.map(toMetricSample), metric, thresholds[metric], span.to + FUTURE_FRACTION * (span.to - span.from));
}

export async function componentDashboard(
  db: Db,
  name: string,
  range: ChartRange,
  now: Date = new Date(),
  deps: OverviewDeps = defaultOverviewDeps(),
): Promise<ComponentDashboard | null> {
  const component = await findComponentByName(db, name);
  if (!component) return null;
  const detail = (await componentDetail(db, name))!;
  const to = now.getTime();
  const from = to - DURATION_SECONDS[range] * 1000;
  const bucketSeconds = bucketSecondsFor(DURATION_SECONDS[range]);
  const series = { componentId: component.id, from: new Date(from), to: now, bucketSeconds };

  const [metricRows, scoreRows, projection, states, configs, pendingApprovals, proposal, alerts] = await Promise.all([
    metricBuckets(db, series),
    scoreBuckets(db, series),
    trendLine(db, component.id, detail.latest_health?.failure_prediction.metric ?? null, detail.thresholds, { from, to }),
    recentStates(db, component.id, HISTORY_ROWS),
    recentConfigs(db, component.id, HISTORY_ROWS),
    pendingApprovalCount(db, component.id, now),
    proposalFor(db, component, detail.latest_health, deps, now),
    componentAlerts(db, component.id),
  ]);

  return {
    detail,
    range,
    from,
    to,
    // Every chart shares this right edge, so their time axes line up.
    end: Math.max(to, projection?.points.at(-1)?.t ?? to),
    bucketSeconds,
    thresholds: detail.thresholds,
    scores: scoreRows.map((r) => ({ t: r.at.getTime(), checks: r.checks, score: r.scoreAvg, score_min: r.scoreMin })),
    metrics: metricRows.map((r) => ({
      t: r.at.getTime(),
      samples: r.samples,
      cpu_usage: r.cpuAvg,
      cpu_usage_max: r.cpuMax,
      memory_usage: r.memoryAvg,
      memory_usage_max: r.memoryMax,
      error_rate: r.errorAvg,
      error_rate_max: r.errorMax,
      latency_ms: r.latencyAvg,
      latency_ms_max: r.latencyMax,
      memory_mb: r.memoryMbAvg,
      memory_mb_max: r.memoryMbMax,
    })),
    projection,
    states: states.map((s) => ({ id: s.id, recorded_at: s.recordedAt.toISOString(), by: s.source, value: s.state })),
    configs: configs.map((c) => ({ id: c.id, recorded_at: c.recordedAt.toISOString(), by: c.changedBy, value: c.config })),
    pendingApprovals,
    proposal,
    maxEvidenceAgeSeconds: deps.maxEvidenceAgeMs / 1000,
    alerts,
  };
}
