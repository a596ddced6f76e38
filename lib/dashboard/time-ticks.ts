/**
 * Time-axis ticks on round UTC instants (every 5 min, every 2 h, midnight…),
 * evenly spaced over the whole axis. Recharts would otherwise pick ticks from
 * the data, which leaves an axis without labels where there is no data yet.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** At most `maxTicks` round instants within [from, to] (epoch ms). */
export function timeTicks(from: number, to: number, maxTicks = 6): number[] {
  if (!(to > from)) return [];
  const step = STEPS.find((s) => (to - from) / s <= maxTicks) ?? Math.ceil((to - from) / maxTicks / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** Every bucket start in [from, to] for a bar chart that must show empty buckets as gaps, not squeeze them out. */
export function bucketSequence(firstBucket: number, to: number, bucketMs: number): number[] {
  const out: number[] = [];
  for (let t = firstBucket; t <= to; t += bucketMs) out.push(t);
  return out;
}
