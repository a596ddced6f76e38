import { describe, expect, it } from 'vitest';
import { closenessInBand, levelForMinutes, PREDICTION_BANDS, probabilityFor } from '../../../lib/healing/levels';
import type { PredictionLevel } from '../../../lib/healing/types';

describe('levelForMinutes', () => {
  it.each<[number | null, PredictionLevel]>([
    [0, 'critical'], [59.9, 'critical'], [60, 'high'], [359.9, 'high'], [360, 'medium'],
    [1439.9, 'medium'], [1440, 'low'], [1e9, 'low'], [null, 'low'],
  ])('%s min → %s', (minutes, level) => {
    expect(levelForMinutes(minutes)).toBe(level);
  });
});

describe('closenessInBand', () => {
  it.each<[number | null, number]>([
    [0, 1], [30, 0.5], [60, 1], [210, 0.5], [360, 1], [900, 0.5], [1440, 1], [2880, 0.5], [null, 0],
  ])('%s min → %d', (minutes, closeness) => {
    expect(closenessInBand(minutes)).toBeCloseTo(closeness, 9);
  });
});

describe('probabilityFor', () => {
  it.each(PREDICTION_BANDS.map((b) => [b.level, b] as const))('%s: stays strictly inside its band at both edges and any quality', (_level, band) => {
    const near = band.fromMinutes;
    const far = Number.isFinite(band.toMinutes) ? band.toMinutes - 0.1 : 1e12;
    for (const minutes of [near, far]) {
      for (const q of [0, 0.25, 1]) {
        const p = probabilityFor(minutes, q);
        expect(p).toBeGreaterThan(band.minProbability);
        expect(p).toBeLessThan(band.maxProbability);
      }
    }
  });

  it('matches the formula for already-critical and for no projection', () => {
    expect(probabilityFor(0, 1)).toBe(0.98);
    expect(probabilityFor(null, 0)).toBe(0.002);
  });

  it('never rises with later failure, across band edges too', () => {
    const minutes = Array.from({ length: 400 }, (_, i) => i * 5);
    for (const q of [0.3, 1]) {
      const ps = minutes.map((m) => probabilityFor(m, q));
      for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeLessThanOrEqual(ps[i - 1]!);
    }
  });
});
