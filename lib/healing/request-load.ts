/**
 * Whether a component's request load is rising: the signal that tells load
 * (answer: more instances) from a fault (answer: a restart) when CPU or latency
 * is over its trigger. Read from the optional `request_rate` (requests/s) of
 * the samples of the last LOAD_WINDOW_MINUTES: rising when a least-squares line
 * through them climbs by at least LOAD_RISE_FRACTION of where it started and
 * fits well (R² ≥ LOAD_MIN_R_SQUARED), so noise and a single burst are not a rise. Pure.
 */
import { linearFit } from './regression';
import type { MetricSample } from './types';

export const LOAD_WINDOW_MINUTES = 15;
export const LOAD_MIN_SAMPLES = 5;
export const LOAD_RISE_FRACTION = 0.2;
export const LOAD_MIN_R_SQUARED = 0.5;

export interface RequestLoad {
  /** The newest sample's request_rate; null when it sent none. */
  request_rate: number | null;
  rising: boolean;
  /** How much the fitted line climbed over the window, as a fraction of its start (0.35 = +35 %); null without enough samples. */
  change: number | null;
  reason: string;
}

export function requestLoad(samples: readonly MetricSample[], now: Date): RequestLoad {
  const since = now.getTime() - LOAD_WINDOW_MINUTES * 60_000;
  const points = samples
    .filter((s) => s.timestamp.getTime() > since && typeof s.request_rate === 'number')
    .map((s) => ({ x: s.timestamp.getTime() / 1000, y: s.request_rate as number }));
  const latest = samples.at(-1)?.request_rate ?? null;
  if (points.length < LOAD_MIN_SAMPLES) {
    return { request_rate: latest, rising: false, change: null, reason: `fewer than ${LOAD_MIN_SAMPLES} samples with request_rate in the last ${LOAD_WINDOW_MINUTES} min` };
  }
  const fit = linearFit(points);
  const first = points[0]!.x;
  const last = points.at(-1)!.x;
  const start = fit ? fit.slope * first + fit.intercept : 0;
  const end = fit ? fit.slope * last + fit.intercept : 0;
  if (!fit || start <= 0) return { request_rate: latest, rising: false, change: null, reason: 'no request load to compare with' };
  const change = Math.round(((end - start) / start) * 1000) / 1000;
  const rising = change >= LOAD_RISE_FRACTION && fit.rSquared >= LOAD_MIN_R_SQUARED;
  const pct = `${change >= 0 ? '+' : ''}${Math.round(change * 100)}%`;
  return {
    request_rate: latest,
    rising,
    change,
    reason: rising
      ? `request load rising ${pct} over ${LOAD_WINDOW_MINUTES} min (${Math.round(start)} → ${Math.round(end)} req/s)`
      : `request load not rising (${pct} over ${LOAD_WINDOW_MINUTES} min, R² ${fit.rSquared.toFixed(2)})`,
  };
}
