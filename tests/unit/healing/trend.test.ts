import { describe, expect, it } from 'vitest';
import { healthTrend, TREND_MIN_SCORES, TREND_SLOPE_THRESHOLD, TREND_WINDOW } from '../../../lib/healing/trend';
import type { Trend } from '../../../lib/healing/types';

const alternate = (n: number, a: number, b: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : b));

describe('healthTrend', () => {
  it('exposes the rule constants', () => {
    expect([TREND_WINDOW, TREND_MIN_SCORES, TREND_SLOPE_THRESHOLD]).toEqual([10, 3, 1]);
  });

  it.each<[string, number[], Trend]>([
    ['no scores', [], 'stable'],
    ['one score', [50], 'stable'],
    ['two falling scores (too few)', [100, 25], 'stable'],
    ['flat', Array(10).fill(87.5), 'stable'],
    ['steady decline', [100, 100, 87.5, 87.5, 75, 75, 62.5, 50], 'declining'],
    ['steady rise', [25, 37.5, 50, 62.5, 75, 87.5, 100], 'improving'],
    ['three falling scores', [100, 87.5, 75], 'declining'],
    ['slope exactly −1 per check', [100, 99, 98, 97], 'declining'],
    ['slope exactly +1 per check', [90, 91, 92], 'improving'],
    ['gentle drift below 1 point/check', [100, 99.5, 99, 98.5, 98], 'stable'],
    ['flapping between 100 and 87.5', alternate(10, 100, 87.5), 'stable'],
    ['flapping between 100 and 50, odd count', alternate(9, 100, 50), 'stable'],
    ['flapping ending high', alternate(10, 87.5, 100), 'stable'],
    ['wide flapping ending low (slope -1.5, R² 0.06)', alternate(10, 100, 50), 'stable'],
    ['noisy but steady decline', [100, 100, 87.5, 100, 87.5, 75, 87.5, 75, 62.5, 75], 'declining'],
  ])('%s → %s', (_label, scores, expected) => {
    expect(healthTrend(scores)).toBe(expected);
  });

  it.each<[string, number[], Trend]>([
    ['old decline is ignored', [...[100, 90, 80, 70, 60, 50, 40, 30, 20, 10], ...Array(10).fill(75)], 'stable'],
    ['old rise is ignored', [...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], ...[100, 100, 87.5, 87.5, 75, 75, 62.5, 62.5, 50, 50]], 'declining'],
  ])('only the last 10 count: %s', (_label, scores, expected) => {
    expect(healthTrend(scores)).toBe(expected);
  });
});
