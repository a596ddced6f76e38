/**
 * Downsampling plan for charts: long ranges are read as fixed-width time
 * buckets (PostgreSQL `date_bin`) so a chart never carries more than a few
 * hundred points, whatever the sampling rate.
 */
import { BUCKET_ORIGIN } from '@/db/bucket-origin';

export { BUCKET_ORIGIN }; // date_bin's origin, owned by db/ (which imports nothing from lib/ at runtime)

/** Upper bound on points per series; a chart a few hundred pixels wide shows no more. */
export const MAX_CHART_POINTS = 300;

/** Bucket widths people read easily on a time axis, in seconds. */
export const BUCKET_SIZES = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
] as const;

/** The narrowest readable bucket that keeps `rangeSeconds` within `maxPoints` buckets. */
export function bucketSecondsFor(rangeSeconds: number, maxPoints: number = MAX_CHART_POINTS): number {
  const needed = rangeSeconds / Math.max(1, maxPoints);
  return BUCKET_SIZES.find((size) => size >= needed) ?? Math.ceil(needed / 86_400) * 86_400;
}

/** The start of the bucket holding `time` — what date_bin(bucket, time, BUCKET_ORIGIN) answers. */
export function bucketStart(time: Date, bucketSeconds: number): Date {
  const width = bucketSeconds * 1000;
  const offset = time.getTime() - BUCKET_ORIGIN.getTime();
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor(offset / width) * width);
}
