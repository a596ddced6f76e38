/**
 * Truth and scoring. The truth of a check is computed from the series' own future:
 * T = minutes until the next sample with some metric strictly above its critical
 * threshold (Infinity if none before the series ends; then only the span up to the
 * end is known, and a check is scored against a horizon only if that span covers it).
 * Checks whose own sample is already above critical are observations, not forecasts:
 * they are not scored.
 */
import { DEFAULT_THRESHOLDS } from '../../lib/healing/thresholds';
import { METRICS, type MetricSample, type PredictionLevel, type TimeToFailure } from '../../lib/healing/types';
import type { Verdict } from './methods';

const MINUTE = 60_000;
export const ALARM_HORIZON_MINUTES = 60;
/**
 * The event every level's probability is about (levels.ts CALIBRATED_PROBABILITY): some
 * metric crossing its critical threshold within the next hour.
 */
export const LEVEL_HORIZON_MINUTES: Record<PredictionLevel, number> = { critical: 60, high: 60, medium: 60, low: 60 };
export const LEVELS: PredictionLevel[] = ['critical', 'high', 'medium', 'low'];
export const BUCKETS: TimeToFailure[] = ['< 1 hour', '1-6 hours', '6-24 hours', '> 24 hours'];

export interface CheckTruth {
  crossed: boolean;
  /** Minutes to the next crossing (Infinity: none before the end). */
  T: number;
  /** Minutes of future the series still has. */
  known: number;
}

export function truthOf(samples: readonly MetricSample[]): CheckTruth[] {
  const end = samples.at(-1)?.timestamp.getTime() ?? 0;
  const out: CheckTruth[] = new Array(samples.length);
  let next = Infinity;
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i]!;
    const t = s.timestamp.getTime();
    const crossed = METRICS.some((m) => s[m] > DEFAULT_THRESHOLDS[m].critical);
    out[i] = { crossed, T: (next - t) / MINUTE, known: (end - t) / MINUTE };
    if (crossed) next = t;
  }
  return out;
}

export const scorable = (tr: CheckTruth, horizon: number): boolean => !tr.crossed && (tr.T <= horizon || tr.known >= horizon);

export function trueBucket(tr: CheckTruth): TimeToFailure | null {
  if (tr.T < 60) return '< 1 hour';
  if (tr.T < 360) return '1-6 hours';
  if (tr.T < 1440) return '6-24 hours';
  return tr.known >= 1440 ? '> 24 hours' : null;
}

export interface SeriesRun {
  samples: readonly MetricSample[];
  truth: CheckTruth[];
  verdicts: Verdict[];
  /** Per sample, no event under way (generate.ts `calm`); absent: every sample is part of one. */
  calm?: readonly boolean[];
  /** Events at a fixed phase of the clock (hourly, nightly): a forecaster may know when they start. */
  periodic?: boolean;
}

export interface Score {
  checks: number;
  alarms: number;
  truePositives: number;
  precision: number | null;
  crossings: number;
  warned: number;
  recall: number | null;
  falseEpisodes: number;
  days: number;
  falseEpisodesPerDay: number;
  medianLeadMinutes: number | null;
  baseRate: number;
  lowCrossRate: number | null;
  /**
   * The least "after low" any forecaster reading the series' values can reach: one that
   * knows every event from its first sample on (and, for periodic families, when it starts)
   * but nothing of an event that has not begun. Everything it could know it keeps out of
   * "low"; the checks in the hour before an onset, which look exactly like the calm around
   * them, it cannot. The same scored checks as baseRate.
   */
  onsetBlindLowBound: number | null;
  confusion: Record<string, Record<string, number>>;
  /** stated: mean `probability` (the risk score); chance: mean calibrated chance, when the method states one. */
  calibration: Record<PredictionLevel, { n: number; stated: number; chance: number | null; observed: number }>;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function score(runs: readonly SeriesRun[]): Score {
  let checks = 0, alarms = 0, tp = 0, crossings = 0, warned = 0, falseEpisodes = 0, days = 0, within = 0, low = 0, lowWithin = 0, unforeseeable = 0;
  const leads: number[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  for (const b of BUCKETS) confusion[b] = Object.fromEntries(BUCKETS.map((c) => [c, 0]));
  const cal = Object.fromEntries(LEVELS.map((l) => [l, { n: 0, stated: 0, chance: null, observed: 0 }])) as Score['calibration'];

  for (const { samples, truth, verdicts, calm, periodic } of runs) {
    const first = samples[0]?.timestamp.getTime() ?? 0;
    days += ((samples.at(-1)?.timestamp.getTime() ?? 0) - first) / 86_400_000;
    // Alarms, precision and episodes (a run of consecutive alarmed checks; any non-alarm ends it).
    let episodeOpen = false, episodeTrue = false;
    const closeEpisode = () => {
      if (episodeOpen && !episodeTrue) falseEpisodes++;
      episodeOpen = false;
      episodeTrue = false;
    };
    truth.forEach((tr, i) => {
      const v = verdicts[i]!;
      if (!scorable(tr, ALARM_HORIZON_MINUTES)) {
        closeEpisode();
        return;
      }
      checks++;
      const hit = tr.T <= ALARM_HORIZON_MINUTES;
      if (hit) within++;
      if (hit && calm?.[i] && !periodic) unforeseeable++;
      if (v.alarm) {
        alarms++;
        if (hit) tp++;
        episodeOpen = true;
        episodeTrue ||= hit;
      } else closeEpisode();
      if (v.level === 'low') {
        low++;
        if (hit) lowWithin++;
      }
      if (v.level) {
        const h = LEVEL_HORIZON_MINUTES[v.level];
        if (scorable(tr, h)) {
          const c = cal[v.level];
          c.n++;
          c.stated += v.probability ?? 0;
          if (v.chance !== undefined) c.chance = (c.chance ?? 0) + v.chance;
          if (tr.T <= h) c.observed++;
        }
        const bucket = trueBucket(tr);
        if (bucket && v.timeToFailure) confusion[v.timeToFailure]![bucket]!++;
      }
    });
    closeEpisode();
    // Crossing events: a crossing with no crossing in the hour before it, at least an hour into the series.
    samples.forEach((s, j) => {
      if (!truth[j]!.crossed) return;
      const t = s.timestamp.getTime();
      if (t - first < ALARM_HORIZON_MINUTES * MINUTE) return;
      let earliest: number | null = null;
      for (let i = j - 1; i >= 0; i--) {
        const ti = samples[i]!.timestamp.getTime();
        if (ti < t - ALARM_HORIZON_MINUTES * MINUTE) break;
        if (truth[i]!.crossed) return; // not a new crossing
        if (verdicts[i]!.alarm) earliest = ti;
      }
      crossings++;
      if (earliest !== null) {
        warned++;
        leads.push((t - earliest) / MINUTE);
      }
    });
  }
  for (const l of LEVELS) {
    const c = cal[l];
    if (c.n > 0) {
      c.stated /= c.n;
      if (c.chance !== null) c.chance /= c.n;
      c.observed /= c.n;
    }
  }
  return {
    checks, alarms, truePositives: tp,
    precision: alarms ? tp / alarms : null,
    crossings, warned, recall: crossings ? warned / crossings : null,
    falseEpisodes, days, falseEpisodesPerDay: days ? falseEpisodes / days : 0,
    medianLeadMinutes: median(leads),
    // The one base rate: the share of scored checks (not already critical, future known for an
    // hour) followed by a crossing within the hour — the same checks "after low" and every
    // level's calibration are computed on (LEVEL_HORIZON_MINUTES is 60 for all).
    baseRate: checks ? within / checks : 0,
    lowCrossRate: low ? lowWithin / low : null,
    onsetBlindLowBound: checks ? unforeseeable / (checks - (within - unforeseeable)) : null,
    confusion, calibration: cal,
  };
}
