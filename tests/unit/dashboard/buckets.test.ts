import { describe, expect, it } from 'vitest';
import { BUCKET_ORIGIN, bucketSecondsFor, bucketStart, MAX_CHART_POINTS } from '@/lib/dashboard/buckets';
import { CHART_RANGES, DURATION_SECONDS } from '@/lib/dashboard/durations';

describe('bucketSecondsFor', () => {
  it.each([
    ['1h', 15],
    ['6h', 120],
    ['24h', 300],
    ['7d', 3600],
  ] as const)('%s → %is buckets', (range, seconds) => {
    expect(bucketSecondsFor(DURATION_SECONDS[range])).toBe(seconds);
  });

  it('keeps every chart range within the point budget', () => {
    for (const range of CHART_RANGES) {
      const seconds = DURATION_SECONDS[range];
      expect(seconds / bucketSecondsFor(seconds)).toBeLessThanOrEqual(MAX_CHART_POINTS);
    }
  });

  it('goes past the table in whole days', () => {
    expect(bucketSecondsFor(400 * 86_400)).toBe(2 * 86_400);
  });
});

describe('bucketStart', () => {
  it('floors to the bucket grid anchored at the origin', () => {
    expect(bucketStart(new Date('2026-11-29T12:34:56.789Z'), 300).toISOString()).toBe('2026-11-29T12:30:00.000Z');
    expect(bucketStart(new Date('2026-11-29T12:00:00.000Z'), 3600).toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(bucketStart(BUCKET_ORIGIN, 15)).toEqual(BUCKET_ORIGIN);
  });

  it('also before the origin', () => {
    expect(bucketStart(new Date('1999-12-31T23:59:59Z'), 3600).toISOString()).toBe('1999-12-31T23:00:00.000Z');
  });
});
