/**
 * Which stored samples a health check hands to the engine: the ranges the health
 * check queries (lib/services/health-check.ts) and the backtest replays
 * (tests/backtest/replay.ts), so both judge a sample by exactly the same history.
 */
import { LEAK_WINDOW_MINUTES } from './leak';
import { MEMORY_LAGS_MINUTES, MEMORY_OUTCOME_MINUTES, MEMORY_PHASE_TOLERANCE_MINUTES } from './prediction';
import { PREDICTION_MAX_WINDOW_MINUTES } from './projection';

export interface HistoryRange {
  /** Exclusive lower bound. */
  from: Date;
  /** Inclusive upper bound. */
  to: Date;
  /** At most this many rows, thinned evenly from the newest when there are more. */
  limit: number;
}

/** The longest window any rule looks at (leak detection), and a cap on rows fetched for it. */
export const HISTORY_MINUTES = LEAK_WINDOW_MINUTES;
export const HISTORY_MAX_SAMPLES = 360;

/**
 * Memory of failed forecasts (prediction.ts) re-projects the same phase 1 h, 2 h and a
 * day earlier: it needs each lag's window and the hour after it. The hours before the
 * recent window form one range; the day-earlier phase another. Each is capped so a
 * fast-sampled component is thinned there, never in the recent window.
 */
const MEMORY_BACK_MINUTES = PREDICTION_MAX_WINDOW_MINUTES + MEMORY_PHASE_TOLERANCE_MINUTES;
const MEMORY_AHEAD_MINUTES = MEMORY_OUTCOME_MINUTES + MEMORY_PHASE_TOLERANCE_MINUTES;
const NEAR_LAGS = MEMORY_LAGS_MINUTES.filter((lag) => lag < HISTORY_MINUTES + MEMORY_BACK_MINUTES + 60);
export const HOURS_BEFORE_MINUTES = Math.max(...NEAR_LAGS) + MEMORY_BACK_MINUTES;
export const HOURS_BEFORE_MAX_SAMPLES = 300;
/** The day lags (1, 2, 3 days earlier): one range each around the same phase. */
export const DAY_LAGS_MINUTES = MEMORY_LAGS_MINUTES.filter((lag) => !NEAR_LAGS.includes(lag));
export const DAY_PHASE_MAX_SAMPLES = 240;

/** Oldest range first; the ranges never overlap, so their rows concatenate chronologically. */
export function historyRanges(recordedAt: Date): HistoryRange[] {
  const at = (minutesBefore: number) => new Date(recordedAt.getTime() - minutesBefore * 60_000);
  return [
    ...[...DAY_LAGS_MINUTES]
      .sort((a, b) => b - a)
      .map((lag) => ({ from: at(lag + MEMORY_BACK_MINUTES), to: at(lag - MEMORY_AHEAD_MINUTES), limit: DAY_PHASE_MAX_SAMPLES })),
    { from: at(HOURS_BEFORE_MINUTES), to: at(HISTORY_MINUTES), limit: HOURS_BEFORE_MAX_SAMPLES },
    { from: at(HISTORY_MINUTES), to: recordedAt, limit: HISTORY_MAX_SAMPLES },
  ];
}
