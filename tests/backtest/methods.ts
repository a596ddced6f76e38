/**
 * The predictors the backtest compares, each judging one check from the history a
 * health check would load for it:
 * - engine: assessHealth — the very function runHealthCheck calls — on the history
 *   historyRanges() selects, thinned like samplesInWindow thins it;
 * - engine-before: the frozen pre-issue-12 engine (tests/backtest/legacy) on the
 *   history the health check loaded then (60 min, ≤ 360 rows);
 * - threshold: "some metric is above its warning threshold";
 * - predict_linear: Prometheus' predict_linear(metric[30m], 3600) ≥ critical —
 *   unfiltered least squares over the last 30 minutes, projected one hour ahead.
 */
import { assessHealth } from '../../lib/healing/assess';
import { historyRanges, type HistoryRange } from '../../lib/healing/history';
import { detectMemoryLeak } from '../../lib/healing/leak';
import { linearFit } from '../../lib/healing/regression';
import { DEFAULT_THRESHOLDS } from '../../lib/healing/thresholds';
import { METRICS, type MetricSample, type PredictionLevel, type TimeToFailure } from '../../lib/healing/types';
import { predictFailure as predictBefore } from './legacy/prediction';

export interface Verdict {
  /** A "< 1 hour" alarm. */
  alarm: boolean;
  level?: PredictionLevel;
  timeToFailure?: TimeToFailure;
  probability?: number;
  /** The calibrated chance of a crossing within the hour (engine now only). */
  chance?: number;
}

export interface Method {
  name: string;
  /** Engines state a level and a probability; baselines only alarm or not. */
  engine: boolean;
  /** `index` is the current sample in `samples` (chronological). */
  check(samples: readonly MetricSample[], index: number): Verdict;
}

const thresholds = DEFAULT_THRESHOLDS;

/** First index whose timestamp is > t (samples are chronological). */
function upperBound(samples: readonly MetricSample[], t: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.timestamp.getTime() > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The rows samplesInWindow(from, to, limit) returns: in (from, to], every k-th from the newest when over the limit. */
export function loadRange(samples: readonly MetricSample[], index: number, range: HistoryRange): MetricSample[] {
  const end = upperBound(samples, range.to.getTime(), index + 1);
  const start = upperBound(samples, range.from.getTime(), end);
  const n = end - start;
  const step = Math.max(1, Math.ceil(n / range.limit));
  const rows: MetricSample[] = [];
  for (let i = end - 1; i >= start; i -= step) rows.push(samples[i]!);
  return rows.reverse();
}

export function loadHistory(samples: readonly MetricSample[], index: number, ranges: HistoryRange[]): MetricSample[] {
  return ranges.flatMap((r) => loadRange(samples, index, r));
}

export const engine: Method = {
  name: 'engine',
  engine: true,
  check(samples, index) {
    const sample = samples[index]!;
    const history = loadHistory(samples, index, historyRanges(sample.timestamp));
    const p = assessHealth({ sample, history, thresholds }).failure_prediction;
    return { alarm: p.time_to_failure === '< 1 hour', level: p.level, timeToFailure: p.time_to_failure, probability: p.probability, chance: p.chance_within_hour };
  },
};

export const engineBefore: Method = {
  name: 'engine before',
  engine: true,
  check(samples, index) {
    const sample = samples[index]!;
    const to = sample.timestamp;
    const history = loadRange(samples, index, { from: new Date(to.getTime() - 60 * 60_000), to, limit: 360 });
    const p = predictBefore(history, thresholds, detectMemoryLeak(history));
    return { alarm: p.time_to_failure === '< 1 hour', level: p.level, timeToFailure: p.time_to_failure, probability: p.probability };
  },
};

export const thresholdAlarm: Method = {
  name: 'threshold',
  engine: false,
  check(samples, index) {
    const s = samples[index]!;
    return { alarm: METRICS.some((m) => s[m] > thresholds[m].warning) };
  },
};

export const predictLinear: Method = {
  name: 'predict_linear',
  engine: false,
  check(samples, index) {
    const t0 = samples[index]!.timestamp.getTime();
    const window = loadRange(samples, index, { from: new Date(t0 - 30 * 60_000), to: new Date(t0), limit: Number.MAX_SAFE_INTEGER });
    const alarm = METRICS.some((m) => {
      const fit = linearFit(window.map((s) => ({ x: (s.timestamp.getTime() - t0) / 1000, y: s[m] })));
      return fit !== null && fit.intercept + fit.slope * 3600 >= thresholds[m].critical;
    });
    return { alarm };
  },
};

export const METHODS: Method[] = [thresholdAlarm, predictLinear, engineBefore, engine];
