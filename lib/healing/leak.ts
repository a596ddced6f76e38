import { formatMemory, formatMemoryRatePerHour, formatPercent, formatRSquared, type MemorySeries } from './format';
import { linearFit } from './regression';
import type { LeakAnalysis, MetricSample } from './types';
import { recentSamples } from './window';

export const LEAK_WINDOW_MINUTES = 60;
export const LEAK_MAX_SAMPLES = 120;
export const LEAK_MIN_POINTS = 10;
/**
 * Ten points a few seconds apart all sit on one rising edge of a GC cycle; the window
 * must cover more than one typical cycle (a few minutes) before growth means a leak.
 * 8 min still lets 120 samples at 5-s intervals (a 10-min window) decide.
 */
export const LEAK_MIN_SPAN_MINUTES = 8;
export const LEAK_MIN_R_SQUARED = 0.6;
export const LEAK_MIN_RISING_FRACTION = 0.6;
/** Fitted growth across the window must reach this share of the series mean. */
export const LEAK_MIN_RELATIVE_GROWTH = 0.02;
/** The last value must stay this share of the fitted growth above the fitted start. */
export const LEAK_MIN_RETAINED_GROWTH = 0.5;

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

interface SeriesPoint {
  t: number;
  v: number;
}

/** Resident memory is the direct leak signal; memory_usage (%) is the fallback. */
function pickSeries(window: readonly MetricSample[]): { series: MemorySeries; points: SeriesPoint[] } {
  const mb: SeriesPoint[] = [];
  for (const s of window) {
    if (typeof s.memory_mb === 'number' && Number.isFinite(s.memory_mb)) mb.push({ t: s.timestamp.getTime(), v: s.memory_mb });
  }
  if (mb.length >= LEAK_MIN_POINTS) return { series: 'memory_mb', points: mb };
  return { series: 'memory_usage', points: window.map((s) => ({ t: s.timestamp.getTime(), v: s.memory_usage })) };
}

/**
 * Leak rule: over the newest samples within 60 min (at most 120), on memory_mb when at
 * least 10 samples carry it, else memory_usage. Fewer than 10 points → no verdict.
 * A leak needs ALL of: R² ≥ 0.6, OLS slope > 0, ≥ 60% of consecutive steps rising,
 * fitted growth across the window ≥ 2% of the series mean, and the last value still
 * at least half the fitted growth above the fitted start (not recovered by a GC drop).
 * The reason names the first criterion that failed, or the evidence for a leak.
 */
export function detectMemoryLeak(history: readonly MetricSample[]): LeakAnalysis {
  const window = recentSamples(history, LEAK_WINDOW_MINUTES, LEAK_MAX_SAMPLES);
  const { series, points } = pickSeries(window);
  const n = points.length;
  const verdict = (leak_detected: boolean, reason: string, extra?: Partial<LeakAnalysis>): LeakAnalysis => ({
    leak_detected,
    reason,
    metric: n === 0 ? null : series,
    points: n,
    growth_per_hour: null,
    r_squared: null,
    rising_fraction: null,
    ...extra,
  });

  if (n < LEAK_MIN_POINTS) {
    return verdict(false, `Need at least ${LEAK_MIN_POINTS} memory data points, have ${n}`);
  }

  const t0 = points[0]!.t;
  const spanMinutes = (points[n - 1]!.t - t0) / 60_000;
  if (spanMinutes < LEAK_MIN_SPAN_MINUTES) {
    return verdict(false, `Need at least ${LEAK_MIN_SPAN_MINUTES} minutes of memory data, have ${spanMinutes.toFixed(1)}`);
  }
  const fit = linearFit(points.map((p) => ({ x: (p.t - t0) / 3_600_000, y: p.v })));
  if (!fit) return verdict(false, 'Memory samples share one timestamp, so growth cannot be measured');

  let rising = 0;
  for (let i = 1; i < n; i++) if (points[i]!.v > points[i - 1]!.v) rising++;
  const risingFraction = rising / (n - 1);
  const stats = { growth_per_hour: round3(fit.slope), r_squared: round3(fit.rSquared), rising_fraction: round3(risingFraction) };
  const no = (reason: string): LeakAnalysis => verdict(false, reason, stats);

  const r2 = formatRSquared(fit.rSquared);
  const risingPct = formatPercent(risingFraction);
  if (fit.rSquared < LEAK_MIN_R_SQUARED) {
    // Mostly-rising steps with a poor fit means repeated climbs cut short by drops.
    return risingFraction >= LEAK_MIN_RISING_FRACTION
      ? no(`Sawtooth: memory rises but GC drops bring it back to baseline (R² ${r2}, ${risingPct} of steps rising)`)
      : no(`Memory is flat or noisy (R² ${r2})`);
  }
  if (fit.slope <= 0) {
    return no(`Memory is not growing (${formatMemoryRatePerHour(series, fit.slope)})`);
  }
  if (risingFraction < LEAK_MIN_RISING_FRACTION) {
    return no(`Memory growth is not sustained: only ${risingPct} of steps rising`);
  }

  const spanHours = (points[n - 1]!.t - t0) / 3_600_000;
  const growth = fit.slope * spanHours;
  const mean = points.reduce((sum, p) => sum + p.v, 0) / n;
  if (growth < LEAK_MIN_RELATIVE_GROWTH * Math.abs(mean)) {
    return no(
      `Memory growth is negligible: ${formatMemory(series, growth)} over the window, below ${formatPercent(LEAK_MIN_RELATIVE_GROWTH)} of its mean ${formatMemory(series, mean)}`,
    );
  }

  const fittedStart = fit.intercept;
  const last = points[n - 1]!.v;
  if (last < fittedStart + LEAK_MIN_RETAINED_GROWTH * growth) {
    return no(
      `Sawtooth: memory returns to baseline after GC drops (now ${formatMemory(series, last)}, fitted start ${formatMemory(series, fittedStart)})`,
    );
  }

  return verdict(
    true,
    `Memory grows steadily: ${formatMemoryRatePerHour(series, fit.slope)}, R² ${r2}, ${risingPct} of steps rising`,
    stats,
  );
}
