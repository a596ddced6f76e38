import type { MetricSample } from './types';

/**
 * The samples at most `windowMinutes` older than the newest one, oldest first, capped
 * to the newest `maxPoints`. Sorted defensively so a late-arriving sample cannot
 * scramble step-by-step analysis; the newest timestamp, not the wall clock, anchors
 * the window so the result is reproducible.
 */
export function recentSamples(
  history: readonly MetricSample[],
  windowMinutes: number,
  maxPoints: number,
): MetricSample[] {
  const sorted = byTime(history);
  const newest = sorted.at(-1);
  if (!newest) return [];
  const from = newest.timestamp.getTime() - windowMinutes * 60_000;
  return sorted.filter((s) => s.timestamp.getTime() >= from).slice(-maxPoints);
}

/** A chronological copy (stable for equal timestamps). */
export function byTime(history: readonly MetricSample[]): MetricSample[] {
  return [...history].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

/** Index of the newest sample at or before `t` in a chronological list, −1 if none. */
export function lastIndexAtOrBefore(sorted: readonly MetricSample[], t: number, hi = sorted.length): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.timestamp.getTime() > t) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/** Spacings looked at to estimate the sampling interval. */
export const SAMPLING_SPACINGS = 30;

/**
 * The component's observed sampling interval in seconds: the median spacing of its
 * newest samples up to `endIndex` (robust to a gap or a burst). Null with < 2 samples.
 */
export function samplingIntervalSeconds(sorted: readonly MetricSample[], endIndex = sorted.length - 1): number | null {
  const spacings: number[] = [];
  for (let i = endIndex; i > 0 && spacings.length < SAMPLING_SPACINGS; i--) {
    const d = (sorted[i]!.timestamp.getTime() - sorted[i - 1]!.timestamp.getTime()) / 1000;
    if (d > 0) spacings.push(d);
  }
  if (spacings.length === 0) return null;
  spacings.sort((a, b) => a - b);
  const m = spacings.length >> 1;
  return spacings.length % 2 ? spacings[m]! : (spacings[m - 1]! + spacings[m]!) / 2;
}
