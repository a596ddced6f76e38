// Frozen copy of lib/healing/prediction.ts before issue 12 (see README.md here).
import { formatDuration, formatLimit, formatMemoryRatePerHour, formatRSquared, formatRatePerMinute, formatValue, type MemorySeries } from '../../../lib/healing/format';
import { bandForLevel, bandForMinutes, closenessInBand, probabilityFor, type PredictionBand } from './levels';
import { PREDICTION_MAX_SAMPLES, PREDICTION_WINDOW_MINUTES, projectMetric, type Projection } from './projection';
import { METRICS, type FailurePrediction, type LeakAnalysis, type MetricSample, type Thresholds } from '../../../lib/healing/types';
import { recentSamples } from './window';

/** Only projections this close get a reason of their own; later ones are "> 24 hours" noise. */
export const REASON_HORIZON_MINUTES = 1440;
export const NO_TREND_REASON = 'No metric is trending toward its critical threshold';
/**
 * memory_usage's own trend is the direct evidence; a leak's projection replaces it only
 * when clearly sooner (by more than 10%), so two estimates that agree do not take turns.
 */
export const LEAK_PROJECTION_MARGIN = 0.9;
/** A confirmed leak runs out of memory sooner or later: never less than this level. */
export const LEAK_MIN_LEVEL = 'medium';

/** A detected leak's growth, carried over to memory_usage and projected to its critical threshold. */
export interface LeakProjection {
  kind: 'leak';
  metric: 'memory_usage';
  minutes: number;
  current: number;
  critical: number;
  /** memory_usage points per minute. */
  slopePerMinute: number;
  /** The series the leak was measured on and its growth there, per hour. */
  source: MemorySeries;
  growthPerHour: number;
  rSquared: number;
  quality: number;
}

type AnyProjection = Projection | LeakProjection;

function describe(p: AnyProjection): string {
  if (p.kind === 'already_critical') {
    return `${p.metric} is already critical: ${formatValue(p.metric, p.current)} > ${formatLimit(p.metric, p.critical)}`;
  }
  const head = `${p.metric} projected to reach ${formatLimit(p.metric, p.critical)} in ${formatDuration(p.minutes)}`;
  if (p.kind === 'leak') {
    const from = p.source === 'memory_mb' ? ` (memory_mb ${formatMemoryRatePerHour('memory_mb', p.growthPerHour)})` : '';
    return (
      `${head} at the memory leak's rate ` +
      `(now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)}${from}, leak fit R² ${formatRSquared(p.rSquared)})`
    );
  }
  return `${head} (now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)}, fit R² ${formatRSquared(p.rSquared)})`;
}

function leakReason(leak: LeakAnalysis | undefined): string[] {
  if (!leak?.leak_detected || !leak.metric || leak.growth_per_hour === null) return [];
  return [`Memory leak detected: ${leak.metric} growing ~${formatMemoryRatePerHour(leak.metric, leak.growth_per_hour, false)}`];
}

/**
 * Projects a detected leak onto memory_usage like any other trend: its fitted growth
 * (growth_per_hour — on memory_usage directly, or on memory_mb converted with the
 * newest sample's ratio memory_usage / memory_mb, resident memory being a share of a
 * fixed total) from the current memory_usage to its critical threshold. The leak's
 * R² is the fit quality. Null without a leak, without growth, when memory_mb cannot
 * be converted, or when memory_usage is already critical (that projection says "now").
 */
export function projectLeak(window: readonly MetricSample[], leak: LeakAnalysis | undefined, critical: number): LeakProjection | null {
  if (!leak?.leak_detected || !leak.metric || leak.growth_per_hour === null || leak.growth_per_hour <= 0) return null;
  const newest = window.at(-1);
  if (!newest || newest.memory_usage > critical) return null;
  let usagePerSeriesUnit = 1;
  if (leak.metric === 'memory_mb') {
    const withMb = window.findLast((s) => typeof s.memory_mb === 'number' && Number.isFinite(s.memory_mb) && s.memory_mb > 0);
    if (!withMb) return null;
    usagePerSeriesUnit = withMb.memory_usage / withMb.memory_mb!;
  }
  const slopePerMinute = (leak.growth_per_hour * usagePerSeriesUnit) / 60;
  if (!(slopePerMinute > 0)) return null;
  const rSquared = leak.r_squared ?? 0;
  return {
    kind: 'leak',
    metric: 'memory_usage',
    minutes: (critical - newest.memory_usage) / slopePerMinute,
    current: newest.memory_usage,
    critical,
    slopePerMinute,
    source: leak.metric,
    growthPerHour: leak.growth_per_hour,
    rSquared,
    quality: rSquared,
  };
}

/**
 * Failure = a metric crossing its critical threshold. `history` is chronological with
 * the current sample last. Each metric is projected over the last 30 minutes (see
 * projection.ts). A detected leak projects memory_usage as well (projectLeak); that
 * projection counts when memory_usage has none of its own (no rising fit, noisy, a
 * restart still in the window) or when it is more than 10% sooner than memory_usage's
 * own. The earliest projection decides level and probability (levels.ts).
 * A detected leak lifts a low level to medium ("Schedule maintenance"; time_to_failure
 * stays "> 24 hours") with p = 0.1 + 0.2·0.02·u, u = (1440 / minutes of the earliest
 * projection, or 0 without one) × (0.5 + 0.5·its R²): at the bottom of the medium band,
 * below any failure actually projected within 24 h, so p still rises as failure nears.
 */
export function predictFailure(history: readonly MetricSample[], thresholds: Thresholds, leak?: LeakAnalysis): Omit<FailurePrediction, 'chance_within_hour'> {
  const window = recentSamples(history, PREDICTION_WINDOW_MINUTES, PREDICTION_MAX_SAMPLES);
  const trends = METRICS.map((m) => projectMetric(m, window, thresholds[m])).filter((p): p is Projection => p !== null);
  const own = trends.find((p) => p.metric === 'memory_usage');
  const leakProjection = projectLeak(window, leak, thresholds.memory_usage.critical);
  const projections: AnyProjection[] =
    leakProjection && (!own || leakProjection.minutes < LEAK_PROJECTION_MARGIN * own.minutes)
      ? [...trends.filter((p) => p !== own), leakProjection]
      : trends;
  // Ties (several at 0 min) go to the better-evidenced one: already critical has quality 1.
  projections.sort((a, b) => a.minutes - b.minutes || b.quality - a.quality);

  const first = projections[0] ?? null;
  const minutes = first ? Math.round(first.minutes * 10) / 10 : null;
  const leakFloor = leak?.leak_detected === true && bandForMinutes(minutes).level === 'low';
  const band: PredictionBand = leakFloor ? bandForLevel(LEAK_MIN_LEVEL) : bandForMinutes(minutes);
  const quality = first?.quality ?? 0;
  const probability = leakFloor
    ? Math.round((band.minProbability + (band.maxProbability - band.minProbability) * 0.02 * closenessInBand(minutes) * (0.5 + 0.5 * quality)) * 1000) / 1000
    : probabilityFor(minutes, quality);

  const reasons = projections.filter((p) => p.minutes < REASON_HORIZON_MINUTES).map(describe);
  if (reasons.length === 0 && first) {
    reasons.push(`No metric is projected to reach its critical threshold within 24 h (earliest: ${first.metric} in ${formatDuration(first.minutes)})`);
  }
  const leakReasons = leakReason(leak);
  if (reasons.length === 0 && leakReasons.length === 0) reasons.push(NO_TREND_REASON);
  reasons.push(...leakReasons);

  return {
    probability,
    time_to_failure: bandForMinutes(minutes).time_to_failure,
    level: band.level,
    recommended_action: band.recommended_action,
    reasons,
    minutes_to_failure: minutes,
    metric: first?.metric ?? null,
  };
}
