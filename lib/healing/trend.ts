import { linearFit } from './regression';
import type { Trend } from './types';

export const TREND_WINDOW = 10;
export const TREND_MIN_SCORES = 3;
/** Health-score points per check. */
export const TREND_SLOPE_THRESHOLD = 1.0;
/** "Steadily": the line must explain at least this much of the variation, so flapping stays stable. */
export const TREND_MIN_R_SQUARED = 0.3;

/**
 * Trend rule: use the last up to 10 health scores (chronological, the current check
 * last); fewer than 3 → 'stable'; fit the least-squares slope of score against check
 * index; a fit with R² < 0.3 (flapping, noise) → 'stable'; slope ≤ −1.0 point per
 * check → 'declining'; slope ≥ +1.0 → 'improving'; otherwise 'stable'.
 */
export function healthTrend(scores: readonly number[]): Trend {
  const recent = scores.slice(-TREND_WINDOW);
  if (recent.length < TREND_MIN_SCORES) return 'stable';
  const fit = linearFit(recent.map((y, x) => ({ x, y })));
  if (!fit || fit.rSquared < TREND_MIN_R_SQUARED) return 'stable';
  if (fit.slope <= -TREND_SLOPE_THRESHOLD) return 'declining';
  if (fit.slope >= TREND_SLOPE_THRESHOLD) return 'improving';
  return 'stable';
}
