/**
 * Which stored samples a health check hands to the engine: the ranges the health
 * check queries (lib/services/health-check.ts) and the backtest replays
 * (tests/backtest/replay.ts), so both judge a sample by exactly the same history.
 */
import { LEAK_WINDOW_MINUTES } from './leak';

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

/** Oldest range first; the ranges never overlap, so their rows concatenate chronologically. */
export function historyRanges(recordedAt: Date): HistoryRange[] {
  return [{ from: new Date(recordedAt.getTime() - HISTORY_MINUTES * 60_000), to: recordedAt, limit: HISTORY_MAX_SAMPLES }];
}
