/**
 * The dashed "where this is heading" line on a metric chart: the same robust
 * (Theil–Sen) line the prediction fitted (lib/healing/projection.ts), drawn from
 * the start of its sampling-aware window to the moment it reaches critical.
 * Pure: no clock, no I/O.
 */
import { PREDICTION_MAX_SAMPLES, PREDICTION_MAX_WINDOW_MINUTES, projectMetric } from '@/lib/healing/projection';
import type { MetricName, MetricSample, Threshold } from '@/lib/healing/types';
import { recentSamples } from '@/lib/healing/window';

export interface ProjectionPoint {
  /** Epoch milliseconds. */
  t: number;
  value: number;
}

export interface ProjectionLine {
  metric: MetricName;
  /** Fitted start of the window, fitted (or observed) now, then the failure point or the horizon. */
  points: ProjectionPoint[];
  critical: number;
  /** When the line reaches critical (epoch ms), even if the drawn line stops earlier. */
  failureAt: number;
  minutesToFailure: number;
  /** True when the failure lies past `horizon` and the line stops there. */
  clipped: boolean;
}

/**
 * `history` is chronological samples ending with the newest one. Returns null
 * exactly when the prediction would not project this metric (no trend, noisy,
 * falling now, or already critical — a metric past critical needs no line).
 * `horizon` (epoch ms) caps how far into the future the line is drawn.
 */
export function projectionLine(
  history: readonly MetricSample[],
  metric: MetricName,
  threshold: Threshold,
  horizon: number = Number.POSITIVE_INFINITY,
): ProjectionLine | null {
  const window = recentSamples(history, PREDICTION_MAX_WINDOW_MINUTES, PREDICTION_MAX_SAMPLES);
  const projection = projectMetric(metric, window, threshold);
  if (!projection || projection.kind !== 'trend') return null;

  // The line projectMetric fitted: its value now, its slope, and where its window starts.
  const newest = projection.atMs;
  const oldest = projection.fromMs;
  const fit = { slope: projection.slopePerMinute / 60, intercept: projection.fittedNow };
  // projectMetric anchors on the observed value when the line already lies past critical.
  const anchor = projection.anchor;
  const failureAt = newest + projection.minutes * 60_000;
  const end =
    failureAt <= horizon
      ? { t: failureAt, value: projection.critical }
      : { t: horizon, value: anchor + (fit.slope * (horizon - newest)) / 1000 };
  const points = [{ t: oldest, value: fit.intercept + (fit.slope * (oldest - newest)) / 1000 }, { t: newest, value: anchor }];
  if (end.t > newest) points.push(end);

  return {
    metric,
    points,
    critical: projection.critical,
    failureAt,
    minutesToFailure: projection.minutes,
    clipped: failureAt > horizon,
  };
}
