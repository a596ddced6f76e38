import type { PredictionLevel, TimeToFailure } from './types';

export interface PredictionBand {
  level: PredictionLevel;
  time_to_failure: TimeToFailure;
  recommended_action: string;
  /** Minutes to failure covered by this band: [fromMinutes, toMinutes). */
  fromMinutes: number;
  toMinutes: number;
  /** Probability band; the computed probability always lies strictly inside it. */
  minProbability: number;
  maxProbability: number;
}

/** Ordered soonest first; mirrors the card's failure-prediction table. */
export const PREDICTION_BANDS: readonly PredictionBand[] = [
  { level: 'critical', time_to_failure: '< 1 hour', recommended_action: 'Restart/Rollback', fromMinutes: 0, toMinutes: 60, minProbability: 0.5, maxProbability: 0.99 },
  { level: 'high', time_to_failure: '1-6 hours', recommended_action: 'Monitor closely', fromMinutes: 60, toMinutes: 360, minProbability: 0.3, maxProbability: 0.5 },
  { level: 'medium', time_to_failure: '6-24 hours', recommended_action: 'Schedule maintenance', fromMinutes: 360, toMinutes: 1440, minProbability: 0.1, maxProbability: 0.3 },
  { level: 'low', time_to_failure: '> 24 hours', recommended_action: 'Normal operation', fromMinutes: 1440, toMinutes: Number.POSITIVE_INFINITY, minProbability: 0, maxProbability: 0.1 },
];

const LOW_BAND = PREDICTION_BANDS[3]!;

export function bandForLevel(level: PredictionLevel): PredictionBand {
  return PREDICTION_BANDS.find((b) => b.level === level) ?? LOW_BAND;
}

/** `null` (no projection) is low: nothing is heading for its critical threshold. */
export function bandForMinutes(minutes: number | null): PredictionBand {
  if (minutes === null) return LOW_BAND;
  return PREDICTION_BANDS.find((b) => minutes < b.toMinutes) ?? LOW_BAND;
}

export function levelForMinutes(minutes: number | null): PredictionLevel {
  return bandForMinutes(minutes).level;
}

/**
 * How early in its band the failure time falls: 1 at the near edge, 0 at the far edge.
 * The open-ended low band uses 1440/minutes instead, and 0 without any projection.
 */
export function closenessInBand(minutes: number | null): number {
  if (minutes === null) return 0;
  const band = bandForMinutes(minutes);
  const raw = Number.isFinite(band.toMinutes)
    ? 1 - (minutes - band.fromMinutes) / (band.toMinutes - band.fromMinutes)
    : band.fromMinutes / Math.max(minutes, band.fromMinutes);
  return Math.min(1, Math.max(0, raw));
}

/**
 * p = lo + (hi − lo)·(0.02 + 0.96·u) with u = closeness × (0.5 + 0.5·quality).
 * The 0.02/0.96 margins keep p strictly inside its band even after rounding, so the
 * level can always be read back from p; the quality factor lowers p for noisy fits
 * without ever pushing it into the next band.
 */
export function probabilityFor(minutes: number | null, quality: number): number {
  const band = bandForMinutes(minutes);
  const q = Math.min(1, Math.max(0, quality));
  const u = closenessInBand(minutes) * (0.5 + 0.5 * q);
  const p = band.minProbability + (band.maxProbability - band.minProbability) * (0.02 + 0.96 * u);
  return Math.round(p * 1000) / 1000;
}

/**
 * What each level's probability means: the chance that a metric crosses its critical
 * threshold within the next hour — the decision the reconciler acts on. The ranges are
 * measured, not assumed: they are the observed frequencies per level on the backtest
 * (docs/backtest.md, `npm run backtest`), kept inside the card's band; refresh them when
 * the engine changes. Within a range the probability still rises as failure nears and
 * with the fit's quality (as in probabilityFor).
 */
export const CALIBRATED_PROBABILITY: Record<PredictionLevel, readonly [number, number]> = {
  // Observed 57 % (docs/backtest.md).
  critical: [0.51, 0.62],
  // Observed 9 %: below the card's band, so the band's floor is the closest honest value.
  high: [0.3, 0.34],
  // Observed 1–2 %: likewise the floor (a range up to 0.13 put the mean just over 10 points away
  // once the 30-s and 5-s series joined the backtest).
  medium: [0.1, 0.12],
  low: [0, 0.1],
};

/** A forecast's probability: closeness (0..1, see closenessInBand) and quality (0..1) place it in its level's calibrated range. */
export function forecastProbability(level: PredictionLevel, closeness: number, quality: number): number {
  const [lo, hi] = CALIBRATED_PROBABILITY[level];
  const q = Math.min(1, Math.max(0, quality));
  const u = Math.min(1, Math.max(0, closeness)) * (0.5 + 0.5 * q);
  return Math.round((lo + (hi - lo) * (0.02 + 0.96 * u)) * 1000) / 1000;
}

/**
 * The honest number beside the risk score: how often a crossing of critical followed
 * within the hour, per level, on the backtest (docs/backtest.md, `npm run backtest`).
 * `probability` stays in the card's band (that is the card's contract), but high and
 * medium lie far below their bands in practice (a check reported high is followed by a
 * crossing within the hour about 9 % of the time, not 30–50 %), so the console presents
 * `probability` as a **risk score** and this as the chance. Refresh with the engine.
 * "low" is above "medium": the crossings after "low" are mostly ones no trend foretells
 * (incidents that jump from the base), while medium means a slow trend hours away.
 */
export const CHANCE_WITHIN_HOUR: Record<PredictionLevel, number> = {
  critical: 0.576,
  high: 0.086,
  medium: 0.017,
  low: 0.038,
};

/** The calibrated chance of a crossing within the next hour for a prediction at `level`. */
export function chanceWithinHour(level: PredictionLevel): number {
  return CHANCE_WITHIN_HOUR[level];
}
