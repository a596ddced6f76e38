import type { PredictionLevel, TimeToFailure } from '../../../lib/healing/types';

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
