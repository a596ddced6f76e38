import type { MetricSample } from '../../../lib/healing/types';

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
  const sorted = [...history].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const newest = sorted.at(-1);
  if (!newest) return [];
  const from = newest.timestamp.getTime() - windowMinutes * 60_000;
  return sorted.filter((s) => s.timestamp.getTime() >= from).slice(-maxPoints);
}
