import { linearFit } from '../../../lib/healing/regression';
import type { MetricName, MetricSample, Threshold } from '../../../lib/healing/types';

export const PREDICTION_WINDOW_MINUTES = 30;
export const PREDICTION_MAX_SAMPLES = 360;
export const PREDICTION_MIN_POINTS = 5;
export const PREDICTION_MIN_SPAN_SECONDS = 300;
/**
 * Below this R² the rise is indistinguishable from noise: a handful of random samples
 * easily produce a positive slope, and projecting it would raise false alarms.
 */
export const PREDICTION_MIN_R_SQUARED = 0.25;
/**
 * The rise must still be going on: after a step up followed by recovery, or a drop
 * after a restart, the 30-minute line still slopes upward while the metric is
 * falling now. The newest 10 minutes must not slope downward for a projection to count.
 */
export const PREDICTION_RECENT_MINUTES = 10;

export type Projection =
  | { kind: 'already_critical'; metric: MetricName; minutes: 0; current: number; critical: number; quality: 1 }
  | {
      kind: 'trend';
      metric: MetricName;
      /** Unrounded minutes until the fitted line reaches critical, ≥ 0. */
      minutes: number;
      current: number;
      critical: number;
      slopePerMinute: number;
      rSquared: number;
      quality: number;
    };

function fallingNow(points: readonly { x: number; y: number }[]): boolean {
  const recent = points.filter((p) => p.x >= -PREDICTION_RECENT_MINUTES * 60);
  if (recent.length < PREDICTION_MIN_POINTS) return false;
  const fit = linearFit(recent);
  return fit !== null && fit.slope < 0;
}

/**
 * Projects one metric over an already-windowed, oldest-first sample list whose last
 * element is the current sample (as in Prometheus predict_linear: fit value against
 * time, extrapolate from the fitted value at the newest timestamp).
 * Returns null when the metric is not heading for critical or the data cannot tell.
 */
export function projectMetric(metric: MetricName, window: readonly MetricSample[], threshold: Threshold): Projection | null {
  const newest = window.at(-1);
  const oldest = window[0];
  if (!newest || !oldest) return null;
  const current = newest[metric];
  const critical = threshold.critical;
  if (current > critical) {
    return { kind: 'already_critical', metric, minutes: 0, current, critical, quality: 1 };
  }

  const spanSeconds = (newest.timestamp.getTime() - oldest.timestamp.getTime()) / 1000;
  if (window.length < PREDICTION_MIN_POINTS || spanSeconds < PREDICTION_MIN_SPAN_SECONDS) return null;

  // x = seconds relative to the newest sample, so the intercept is the fitted "now".
  const t0 = newest.timestamp.getTime();
  const points = window.map((s) => ({ x: (s.timestamp.getTime() - t0) / 1000, y: s[metric] }));
  const fit = linearFit(points);
  if (!fit || fit.slope <= 0 || fit.rSquared < PREDICTION_MIN_R_SQUARED) return null;
  if (fallingNow(points)) return null;

  // A line already past critical while the observed value is not lags behind a drop; project from what is observed.
  const anchor = fit.intercept >= critical ? current : fit.intercept;
  const seconds = Math.max(0, (critical - anchor) / fit.slope);
  return {
    kind: 'trend',
    metric,
    minutes: seconds / 60,
    current,
    critical,
    slopePerMinute: fit.slope * 60,
    rSquared: fit.rSquared,
    quality: fit.rSquared,
  };
}
