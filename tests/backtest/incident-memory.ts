/**
 * `npx tsx --conditions=react-server tests/backtest/incident-memory.ts` — the measurement behind the
 * report's "after low" paragraph (report-header.md): would a memory of past incidents tell the hour
 * before a random onset from the calm around it? Replays the engine (as run.ts does) and, for every
 * scored check the engine calls low, asks whether the component's own history up to that check holds
 * a crossing of critical within the last W hours (any crossing, or only one that came from calm: the
 * check an hour before it was low). Prints "after low" with such checks lifted out of low, and how often
 * the lifted checks were followed by a crossing within the hour. Takes a few minutes.
 */
import { labelledSet } from './generate';
import { ALARM_HORIZON_MINUTES, scorable, truthOf } from './evaluate';
import { engine } from './methods';

const HOUR = 3_600_000;
const WINDOWS = [4, 12, 24, 48, 72, Infinity];
const KINDS = ['any crossing', 'crossing from calm'] as const;
const MIN_CROSSINGS = [1, 2];
type Tally = { low: number; lowHit: number; lifted: number; liftedHit: number };
const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => tallies.get(key) ?? tallies.set(key, { low: 0, lowHit: 0, lifted: 0, liftedHit: 0 }).get(key)!;

for (const series of labelledSet()) {
  const truth = truthOf(series.samples);
  const verdicts = series.samples.map((_, i) => engine.check(series.samples, i));
  const starts: Record<(typeof KINDS)[number], number[]> = { 'any crossing': [], 'crossing from calm': [] };
  series.samples.forEach((s, i) => {
    if (!truth[i]!.crossed || (i > 0 && truth[i - 1]!.crossed)) return;
    const t = s.timestamp.getTime();
    starts['any crossing'].push(t);
    let j = i;
    while (j > 0 && series.samples[j]!.timestamp.getTime() > t - HOUR) j--;
    if (series.samples[j]!.timestamp.getTime() <= t - HOUR && verdicts[j]!.level === 'low') starts['crossing from calm'].push(t);
  });
  series.samples.forEach((s, i) => {
    if (!scorable(truth[i]!, ALARM_HORIZON_MINUTES) || verdicts[i]!.level !== 'low') return;
    const hit = truth[i]!.T <= ALARM_HORIZON_MINUTES;
    const t = s.timestamp.getTime();
    for (const kind of KINDS) {
      for (const hours of WINDOWS) {
        const n = starts[kind].filter((at) => at <= t && t - at <= hours * HOUR).length;
        for (const min of MIN_CROSSINGS) {
          const x = tally(`${kind}, last ${hours} h, ≥ ${min}`);
          if (n >= min) {
            x.lifted++;
            if (hit) x.liftedHit++;
          } else {
            x.low++;
            if (hit) x.lowHit++;
          }
        }
      }
    }
  });
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;
for (const [key, x] of tallies) {
  console.log(`${key}: after low ${pct(x.lowHit, x.low)} (${x.low} checks); lifted ${x.lifted}, followed by a crossing ${pct(x.liftedHit, x.lifted)}`);
}
