import { formatDuration, formatLimit, formatMemoryRatePerHour, formatRSquared, formatRatePerMinute, formatValue } from './format';
import { bandForMinutes, probabilityFor } from './levels';
import { PREDICTION_MAX_SAMPLES, PREDICTION_WINDOW_MINUTES, projectMetric, type Projection } from './projection';
import { METRICS, type FailurePrediction, type LeakAnalysis, type MetricSample, type Thresholds } from './types';
import { recentSamples } from './window';

/** Only projections this close get a reason of their own; later ones are "> 24 hours" noise. */
export const REASON_HORIZON_MINUTES = 1440;
export const NO_TREND_REASON = 'No metric is trending toward its critical threshold';

function describe(p: Projection): string {
  if (p.kind === 'already_critical') {
    return `${p.metric} is already critical: ${formatValue(p.metric, p.current)} > ${formatLimit(p.metric, p.critical)}`;
  }
  return (
    `${p.metric} projected to reach ${formatLimit(p.metric, p.critical)} in ${formatDuration(p.minutes)} ` +
    `(now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)}, fit R² ${formatRSquared(p.rSquared)})`
  );
}

function leakReason(leak: LeakAnalysis | undefined): string[] {
  if (!leak?.leak_detected || !leak.metric || leak.growth_per_hour === null) return [];
  return [`Memory leak detected: ${leak.metric} growing ~${formatMemoryRatePerHour(leak.metric, leak.growth_per_hour, false)}`];
}

/**
 * Failure = a metric crossing its critical threshold. `history` is chronological with
 * the current sample last. Each metric is projected over the last 30 minutes (see
 * projection.ts); the earliest projection decides level and probability (levels.ts).
 */
export function predictFailure(history: readonly MetricSample[], thresholds: Thresholds, leak?: LeakAnalysis): FailurePrediction {
  const window = recentSamples(history, PREDICTION_WINDOW_MINUTES, PREDICTION_MAX_SAMPLES);
  const projections = METRICS.map((m) => projectMetric(m, window, thresholds[m]))
    .filter((p): p is Projection => p !== null)
    // Ties (several at 0 min) go to the better-evidenced one: already critical has quality 1.
    .sort((a, b) => a.minutes - b.minutes || b.quality - a.quality);

  const first = projections[0] ?? null;
  const minutes = first ? Math.round(first.minutes * 10) / 10 : null;
  const band = bandForMinutes(minutes);

  const reasons = projections.filter((p) => p.minutes < REASON_HORIZON_MINUTES).map(describe);
  if (reasons.length === 0) {
    reasons.push(
      first
        ? `No metric is projected to reach its critical threshold within 24 h (earliest: ${first.metric} in ${formatDuration(first.minutes)})`
        : NO_TREND_REASON,
    );
  }
  reasons.push(...leakReason(leak));

  return {
    probability: probabilityFor(minutes, first?.quality ?? 0),
    time_to_failure: band.time_to_failure,
    level: band.level,
    recommended_action: band.recommended_action,
    reasons,
    minutes_to_failure: minutes,
    metric: first?.metric ?? null,
  };
}
