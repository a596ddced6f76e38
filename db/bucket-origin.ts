/**
 * date_bin's origin. Fixed (not "now") so buckets line up across requests and
 * a test can compute the same buckets independently. Here, not in
 * lib/dashboard/buckets.ts, because db/ imports nothing from lib/ at runtime.
 */
export const BUCKET_ORIGIN = new Date('2000-01-01T00:00:00Z');
