import { describe, expect, it } from 'vitest';
import { linearFit, type Point } from '../../../lib/healing/regression';
import { prng } from './fixtures';

const line = (slope: number, intercept: number, xs: number[]): Point[] => xs.map((x) => ({ x, y: slope * x + intercept }));

describe('linearFit on exact lines', () => {
  it.each([
    [2, 3, [0, 1, 2, 3, 4]],
    [-0.5, 10, [1, 2, 5, 9]],
    [0.001, 1_700_000, [1_735_689_600, 1_735_689_630, 1_735_689_660, 1_735_689_690]],
    [7, -4, [-3, 0.5, 12]],
  ])('y = %d·x + %d', (slope, intercept, xs) => {
    const fit = linearFit(line(slope, intercept, xs));
    expect(fit).not.toBeNull();
    expect(fit!.slope).toBeCloseTo(slope, 6);
    expect(fit!.intercept).toBeCloseTo(intercept, 2);
    expect(fit!.rSquared).toBeCloseTo(1, 9);
    expect(fit!.n).toBe(xs.length);
  });
});

describe('linearFit on degenerate input', () => {
  it.each<[string, Point[]]>([
    ['no points', []],
    ['one point', [{ x: 1, y: 1 }]],
    ['all x equal', [{ x: 3, y: 1 }, { x: 3, y: 2 }, { x: 3, y: 5 }]],
    ['float x equal', [{ x: 0.1, y: 1 }, { x: 0.1, y: 2 }, { x: 0.1, y: 4 }]],
    ['only one finite point', [{ x: 1, y: 1 }, { x: Number.NaN, y: 2 }, { x: 3, y: Number.POSITIVE_INFINITY }]],
  ])('%s → null', (_label, points) => {
    expect(linearFit(points)).toBeNull();
  });

  it('flat y → slope 0 and R² 0 (a flat line is not a trend)', () => {
    expect(linearFit([{ x: 0, y: 0.1 }, { x: 1, y: 0.1 }, { x: 2, y: 0.1 }])).toEqual({ slope: 0, intercept: 0.1, rSquared: 0, n: 3 });
  });

  it('drops non-finite points', () => {
    const fit = linearFit([{ x: 0, y: 1 }, { x: 1, y: Number.NaN }, { x: 2, y: 5 }, { x: 3, y: 7 }]);
    expect(fit?.n).toBe(3);
    expect(fit?.slope).toBeCloseTo(2, 9);
  });

  it('gives R² strictly between 0 and 1 for noisy data', () => {
    const rand = prng(7);
    const fit = linearFit(Array.from({ length: 50 }, (_, x) => ({ x, y: x + (rand() - 0.5) * 40 })));
    expect(fit!.rSquared).toBeGreaterThan(0);
    expect(fit!.rSquared).toBeLessThan(1);
  });
});
