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
/**
 * A leak under a GC sawtooth: when the whole-series test fails only because of GC
 * drops, the window is cut at every GC drop — a step falling by ≥ 30% of the window's
 * range (max − min) — and the lowest point from each drop to the next is kept. These
 * per-cycle lows are the baseline the collector returns to.
 */
export const LEAK_GC_DROP_SHARE = 0.3;
/** At least 5 lows (5 GC drops in the window): fewer cannot show a steady rise. */
export const LEAK_MIN_CYCLE_LOWS = 5;
/** The lows' least-squares line against time must explain this much of their variation. */
export const LEAK_CYCLE_LOWS_MIN_R_SQUARED = 0.8;
/** Share of consecutive lows that must be higher than the one before. */
export const LEAK_CYCLE_LOWS_MIN_RISING_FRACTION = 0.6;

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
 * The lowest point after each GC drop (see LEAK_GC_DROP_SHARE) up to the next one,
 * oldest first. The piece before the first drop is left out: the window may start
 * mid-tooth, and that piece's low would be the first sample, not a trough.
 */
export function cycleLows(points: readonly SeriesPoint[]): SeriesPoint[] {
  if (points.length < 2) return [];
  let min = points[0]!.v;
  let max = min;
  for (const p of points) {
    min = Math.min(min, p.v);
    max = Math.max(max, p.v);
  }
  const drop = LEAK_GC_DROP_SHARE * (max - min);
  if (drop <= 0) return [];
  const lows: SeriesPoint[] = [];
  let low: SeriesPoint | undefined;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    if (points[i - 1]!.v - p.v >= drop) {
      if (low) lows.push(low);
      low = p;
    } else if (low && p.v < low.v) {
      low = p;
    }
  }
  if (low) lows.push(low);
  return lows;
}

interface BaselineGrowth {
  slope: number;
  rSquared: number;
  rising: number;
  steps: number;
}

/**
 * Whether the per-cycle lows rise steadily: at least 5 lows, their least-squares line
 * (against time) rising with R² ≥ 0.8, ≥ 60% of consecutive lows higher than the one
 * before, and the fitted rise across the window ≥ 2% of the series mean. Null if not.
 */
function risingBaseline(points: readonly SeriesPoint[], mean: number): BaselineGrowth | null {
  const lows = cycleLows(points);
  if (lows.length < LEAK_MIN_CYCLE_LOWS) return null;
  const t0 = points[0]!.t;
  const fit = linearFit(lows.map((p) => ({ x: (p.t - t0) / 3_600_000, y: p.v })));
  if (!fit || fit.slope <= 0 || fit.rSquared < LEAK_CYCLE_LOWS_MIN_R_SQUARED) return null;
  let rising = 0;
  for (let i = 1; i < lows.length; i++) if (lows[i]!.v > lows[i - 1]!.v) rising++;
  const steps = lows.length - 1;
  if (rising / steps < LEAK_CYCLE_LOWS_MIN_RISING_FRACTION) return null;
  const spanHours = (points.at(-1)!.t - t0) / 3_600_000;
  if (fit.slope * spanHours < LEAK_MIN_RELATIVE_GROWTH * Math.abs(mean)) return null;
  return { slope: fit.slope, rSquared: fit.rSquared, rising, steps };
}

/**
 * Leak rule: over the newest samples within 60 min (at most 120), on memory_mb when at
 * least 10 samples carry it, else memory_usage. Fewer than 10 points → no verdict.
 * A leak needs ALL of: R² ≥ 0.6, OLS slope > 0, ≥ 60% of consecutive steps rising,
 * fitted growth across the window ≥ 2% of the series mean, and the last value still
 * at least half the fitted growth above the fitted start (not recovered by a GC drop).
 * A sawtooth — R² < 0.6 with ≥ 60% of steps rising, or the last value back near the
 * fitted start — is still a leak when its per-cycle lows rise steadily (risingBaseline):
 * the collector returns to a higher baseline every cycle. Then growth_per_hour and
 * r_squared are those of the lows' fit. Flat noise (< 60% of steps rising) is never
 * checked this way.
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
  const mean = points.reduce((sum, p) => sum + p.v, 0) / n;
  /** GC drops spoil the whole-series test; the lows between them may still climb. */
  const unlessBaselineRises = (reason: string): LeakAnalysis => {
    const baseline = risingBaseline(points, mean);
    if (!baseline) return no(reason);
    return verdict(
      true,
      `Memory leak under a GC sawtooth: the lows between GC drops rise ${formatMemoryRatePerHour(series, baseline.slope)} ` +
        `(R² ${formatRSquared(baseline.rSquared)}, ${baseline.rising} of ${baseline.steps} higher than the one before)`,
      { ...stats, growth_per_hour: round3(baseline.slope), r_squared: round3(baseline.rSquared) },
    );
  };

  const r2 = formatRSquared(fit.rSquared);
  const risingPct = formatPercent(risingFraction);
  if (fit.rSquared < LEAK_MIN_R_SQUARED) {
    // Mostly-rising steps with a poor fit means repeated climbs cut short by drops.
    return risingFraction >= LEAK_MIN_RISING_FRACTION
      ? unlessBaselineRises(`Sawtooth: memory rises but GC drops bring it back to baseline (R² ${r2}, ${risingPct} of steps rising)`)
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
  if (growth < LEAK_MIN_RELATIVE_GROWTH * Math.abs(mean)) {
    return no(
      `Memory growth is negligible: ${formatMemory(series, growth)} over the window, below ${formatPercent(LEAK_MIN_RELATIVE_GROWTH)} of its mean ${formatMemory(series, mean)}`,
    );
  }

  const fittedStart = fit.intercept;
  const last = points[n - 1]!.v;
  if (last < fittedStart + LEAK_MIN_RETAINED_GROWTH * growth) {
    return unlessBaselineRises(
      `Sawtooth: memory returns to baseline after GC drops (now ${formatMemory(series, last)}, fitted start ${formatMemory(series, fittedStart)})`,
    );
  }

  return verdict(
    true,
    `Memory grows steadily: ${formatMemoryRatePerHour(series, fit.slope)}, R² ${r2}, ${risingPct} of steps rising`,
    stats,
  );
}
