import { formatDuration } from './format';
import { linearFit, median, theilSenFit } from './regression';
import type { MetricName, MetricSample, Threshold } from './types';
import { byTime, samplingIntervalSeconds } from './window';

/**
 * Sampling-aware window: about 30 minutes, but never fewer than 8 samples (at 5-min
 * sampling 30 minutes hold only 7) nor more than 2 hours; at 30-s sampling it is the
 * 60 samples of the last 30 minutes, as before.
 */
export const PREDICTION_WINDOW_MINUTES = 30;
export const PREDICTION_WINDOW_MIN_SAMPLES = 8;
/** Sampling sparser than 8 samples in 2 hours (one every > ~17 min) cannot show a trend in time. */
export const PREDICTION_MAX_WINDOW_MINUTES = 120;
export const PREDICTION_MAX_SAMPLES = 360;
/** A projection needs this many samples in its window, spanning ≥ 5 min and ≥ 5 sampling intervals. */
export const PREDICTION_MIN_POINTS = 6;
export const PREDICTION_MIN_SPAN_SECONDS = 300;
export const PREDICTION_MIN_SPAN_INTERVALS = 5;
/**
 * Below this R² (of the least-squares fit) the rise is indistinguishable from noise:
 * a handful of random samples easily produce a positive slope.
 */
export const PREDICTION_MIN_R_SQUARED = 0.25;
/**
 * The rise must still be going on: the newest 10 minutes (at least 3 samples, so it
 * also runs at 5-min sampling) must still rise at no less than 3/4 of the window's
 * robust slope. It was "must not slope downward": a rise levelling off — a nightly
 * batch job reaching its plateau just below critical, a spike's top — kept the window's
 * earlier rate, and the plateau's noise flickered in and out of "< 1 hour" (each flicker
 * a false episode). On the backtest 3/4 cut the batch job's false episodes from 1.58 to
 * 0.85 a day and overall from 1.97 to 1.76 without losing a warned crossing; 1/2 cut the
 * batch job's only to 1.06, and 1 (no slowing at all) lost a batch-job crossing.
 */
export const PREDICTION_RECENT_MINUTES = 10;
export const PREDICTION_RECENT_MIN_POINTS = 3;
export const PREDICTION_RECENT_MIN_SHARE = 0.75;
/**
 * A step is not a trend: a one-sample rise larger than half the window's whole rise and
 * larger than 4× the typical sample-to-sample change is a jump — when the level stays
 * there: the median after it at least half the jump above the median before it. Only
 * what came after the jump is projected (a step that stays is flat; a ramp after it
 * still counts). Without the "stays" test a noise extreme (a low sample followed by a
 * high one, which at 30-s sampling happens within minutes) passed for a jump and the
 * few noisy samples after it were projected on their own.
 */
export const JUMP_SHARE_OF_RISE = 0.5;
export const JUMP_NOISE_FACTOR = 4;
export const JUMP_STAYS_SHARE = 0.5;

export interface WindowSpec {
  stepSeconds: number;
  windowSeconds: number;
  minPoints: number;
  minSpanSeconds: number;
  recentSeconds: number;
}

export type WindowResult = { ok: true; spec: WindowSpec } | { ok: false; reason: string };

/** The window for a component sampled every `stepSeconds` (null: fewer than 2 samples). */
export function windowSpec(stepSeconds: number | null, samples: number): WindowResult {
  if (stepSeconds === null) {
    return { ok: false, reason: `Not enough history to project a trend: ${samples} sample${samples === 1 ? '' : 's'} (needs ${PREDICTION_MIN_POINTS})` };
  }
  const windowSeconds = Math.max(PREDICTION_WINDOW_MINUTES * 60, (PREDICTION_WINDOW_MIN_SAMPLES - 0.5) * stepSeconds);
  if (windowSeconds > PREDICTION_MAX_WINDOW_MINUTES * 60) {
    return {
      ok: false,
      reason: `Sampling every ${formatDuration(stepSeconds / 60)} is too sparse to project a trend (needs ${PREDICTION_WINDOW_MIN_SAMPLES} samples within ${PREDICTION_MAX_WINDOW_MINUTES / 60} h)`,
    };
  }
  return {
    ok: true,
    spec: {
      stepSeconds,
      windowSeconds,
      minPoints: PREDICTION_MIN_POINTS,
      minSpanSeconds: Math.max(PREDICTION_MIN_SPAN_SECONDS, PREDICTION_MIN_SPAN_INTERVALS * stepSeconds * 0.9),
      recentSeconds: Math.max(PREDICTION_RECENT_MINUTES * 60, (PREDICTION_RECENT_MIN_POINTS - 0.5) * stepSeconds),
    },
  };
}

export type Projection =
  | { kind: 'already_critical'; metric: MetricName; minutes: 0; current: number; critical: number; quality: 1 }
  | {
      kind: 'trend';
      metric: MetricName;
      /** Unrounded minutes until the fitted line reaches critical, ≥ 0. */
      minutes: number;
      current: number;
      critical: number;
      slopePerMinute: number;
      rSquared: number;
      quality: number;
      /** The robust line: its value now (newest timestamp) and the first timestamp it was fitted on. */
      fittedNow: number;
      anchor: number;
      fromMs: number;
      atMs: number;
      /** Set when projected by fastRiseAt (the recent window's rate) rather than the whole window's. */
      fast?: true;
      /** Set when projected by gapRiseAt (the rise across a gap) or noiseReachAt (within the noise of critical). */
      via?: 'gap' | 'noise';
    };

/** Why a metric was not projected when the window itself was too thin (a gap, a fresh component). */
export interface ThinWindow {
  kind: 'thin';
  metric: MetricName;
  points: number;
  spanMinutes: number;
}

function alreadyCritical(metric: MetricName, current: number, critical: number): Projection {
  return { kind: 'already_critical', metric, minutes: 0, current, critical, quality: 1 };
}

interface XY {
  x: number;
  y: number;
}

/**
 * The window a check looks at: the samples up to `endIndex` no more than windowSeconds
 * older than it, at most PREDICTION_MAX_SAMPLES of them. Returns the oldest one's index.
 */
function windowStart(sorted: readonly MetricSample[], endIndex: number, spec: WindowSpec): number {
  const t0 = sorted[endIndex]!.timestamp.getTime();
  let start = endIndex;
  while (start > 0 && endIndex - start < PREDICTION_MAX_SAMPLES - 1 && t0 - sorted[start - 1]!.timestamp.getTime() <= spec.windowSeconds * 1000) start--;
  return start;
}

/** The window's points for one metric: x in seconds before the newest sample (≤ 0), y its value. */
function windowPoints(metric: MetricName, sorted: readonly MetricSample[], endIndex: number, spec: WindowSpec): XY[] {
  const t0 = sorted[endIndex]!.timestamp.getTime();
  const points: XY[] = [];
  for (let i = windowStart(sorted, endIndex, spec); i <= endIndex; i++) points.push({ x: (sorted[i]!.timestamp.getTime() - t0) / 1000, y: sorted[i]![metric] });
  return points;
}

/** Above its warning threshold and not yet past critical: where fastRiseAt, gapRiseAt and noiseReachAt apply. */
const inWarningBand = (value: number, threshold: Threshold): boolean => value > threshold.warning && value <= threshold.critical;

/**
 * A projection run from the value observed now (not a fitted line) at `slope` per second:
 * what fastRiseAt, gapRiseAt and noiseReachAt return, each with its own tag.
 */
function fromObserved(
  metric: MetricName,
  current: number,
  threshold: Threshold,
  slope: number,
  line: { rSquared: number; fromMs: number; atMs: number },
  tag: { fast: true } | { via: 'gap' | 'noise' },
): Projection {
  return {
    kind: 'trend',
    metric,
    minutes: Math.max(0, (threshold.critical - current) / slope / 60),
    current,
    critical: threshold.critical,
    slopePerMinute: slope * 60,
    rSquared: line.rSquared,
    quality: line.rSquared,
    fittedNow: current,
    anchor: current,
    fromMs: line.fromMs,
    atMs: line.atMs,
    ...tag,
  };
}

/**
 * A collection (a GC, a restart): a one-step drop giving back at least half the window's
 * range and either larger than JUMP_NOISE_FACTOR × the typical change or larger than
 * COLLECTION_RISE_FACTOR × the largest one-step rise. The second test is the sawtooth's
 * own signature — it climbs in many small steps and falls in one — and catches it when it
 * is sampled only a few times per cycle (at 5-min sampling a 20-min GC cycle is four
 * samples, every step is "large", and the noise test alone never saw the drop). Noise
 * falls and rises alike, so it rarely passes. Returns the point the last one fell from.
 */
export const COLLECTION_RISE_FACTOR = 2;
function lastCollection(points: readonly XY[]): XY | null {
  const diffs = points.slice(1).map((p, i) => p.y - points[i]!.y);
  if (diffs.length < 2) return null;
  const range = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
  const typical = median(diffs.map(Math.abs));
  const maxRise = Math.max(0, ...diffs);
  let at = -1;
  diffs.forEach((d, i) => {
    const drop = -d;
    if (drop > JUMP_SHARE_OF_RISE * range && (drop > JUMP_NOISE_FACTOR * typical || drop > COLLECTION_RISE_FACTOR * maxRise)) at = i;
  });
  return at < 0 ? null : points[at]!;
}

/**
 * After a collection the rise that matters is peak to peak: from where the metric fell
 * to where it is now. A sawtooth whose peaks creep up by a point a cycle is hours from
 * critical even though each cycle climbs steeply. Per second; null without a collection.
 */
function peakToPeakSlope(points: readonly XY[]): number | null {
  const from = lastCollection(points);
  const now = points.at(-1)!;
  if (!from || now.x <= from.x) return null;
  return (now.y - from.y) / (now.x - from.x);
}

/**
 * Drops everything up to a jump (see JUMP_SHARE_OF_RISE), or returns the points
 * unchanged. Null after a collection (see lastCollection) when the metric has not
 * climbed back above where it fell from: a sawtooth repeating itself is not a trend.
 */
function afterJump(points: XY[], slope: number): XY[] | null {
  const diffs = points.slice(1).map((p, i) => p.y - points[i]!.y);
  if (diffs.length < 2) return points;
  const rise = slope * (points.at(-1)!.x - points[0]!.x);
  const typical = median(diffs.map(Math.abs));
  const big = (d: number, share: number) => Math.abs(d) > share && Math.abs(d) > JUMP_NOISE_FACTOR * typical;
  const stays = (d: number, i: number) =>
    median(points.slice(i + 1).map((p) => p.y)) - median(points.slice(0, i + 1).map((p) => p.y)) > JUMP_STAYS_SHARE * d;
  let jumpAt = -1;
  diffs.forEach((d, i) => {
    if (d > 0 && big(d, JUMP_SHARE_OF_RISE * rise) && (jumpAt < 0 || d > diffs[jumpAt]!) && stays(d, i)) jumpAt = i;
  });
  const fellFrom = lastCollection(points);
  if (fellFrom && points.at(-1)!.y < fellFrom.y) return null;
  return jumpAt < 0 ? points : points.slice(jumpAt + 1);
}

/**
 * Projects one metric at the check of `sorted[endIndex]` (chronological samples):
 * the robust (Theil–Sen) slope over the sampling-aware window, anchored at the
 * line's value now, extrapolated to critical. Null when the metric is not heading
 * for critical or the data cannot tell; `thin` when the window had too few samples.
 */
export function projectAt(
  metric: MetricName,
  sorted: readonly MetricSample[],
  endIndex: number,
  threshold: Threshold,
  spec: WindowSpec,
): Projection | ThinWindow | null {
  const newest = sorted[endIndex];
  if (!newest) return null;
  const current = newest[metric];
  const critical = threshold.critical;
  if (current > critical) return alreadyCritical(metric, current, critical);

  const t0 = newest.timestamp.getTime();
  let points = windowPoints(metric, sorted, endIndex, spec);

  const enough = (pts: XY[]) => pts.length >= spec.minPoints && -pts[0]!.x >= spec.minSpanSeconds;
  if (!enough(points)) return { kind: 'thin', metric, points: points.length, spanMinutes: -points[0]!.x / 60 };

  let robust = theilSenFit(points);
  if (!robust || robust.slope <= 0) return null;
  const trimmed = afterJump(points, robust.slope);
  if (!trimmed) return null;
  if (trimmed !== points) {
    if (!enough(trimmed)) return null;
    points = trimmed;
    robust = theilSenFit(points);
    if (!robust || robust.slope <= 0) return null;
  }
  const fit = linearFit(points);
  if (!fit || fit.rSquared < PREDICTION_MIN_R_SQUARED) return null;
  const recent = points.filter((p) => p.x >= -spec.recentSeconds);
  if (recent.length >= PREDICTION_RECENT_MIN_POINTS && (theilSenFit(recent)?.slope ?? 0) < PREDICTION_RECENT_MIN_SHARE * robust.slope) return null;

  // After a collection the peaks' creep, not the cycle's climb, is the trend (peakToPeakSlope);
  // it then runs from what is observed now.
  const cycle = peakToPeakSlope(points);
  if (cycle !== null && cycle <= 0) return null;
  const slope = cycle !== null && cycle < robust.slope ? cycle : robust.slope;
  // A line already past critical while the observed value is not lags behind a drop; project from what is observed.
  const anchor = slope !== robust.slope || robust.intercept >= critical ? current : robust.intercept;
  return {
    kind: 'trend',
    metric,
    minutes: Math.max(0, (critical - anchor) / slope) / 60,
    current,
    critical,
    slopePerMinute: slope * 60,
    rSquared: fit.rSquared,
    quality: fit.rSquared,
    fittedNow: robust.intercept,
    anchor,
    fromMs: t0 + points[0]!.x * 1000,
    atMs: t0,
  };
}

/** projectAt for the newest sample of an unsorted history, with the window its own sampling calls for. */
export function projectMetric(metric: MetricName, history: readonly MetricSample[], threshold: Threshold): Projection | null {
  const sorted = byTime(history);
  const w = windowSpec(samplingIntervalSeconds(sorted), sorted.length);
  const newest = sorted.at(-1);
  if (!w.ok) return newest && newest[metric] > threshold.critical ? alreadyCritical(metric, newest[metric], threshold.critical) : null;
  const p = projectAt(metric, sorted, sorted.length - 1, threshold, w.spec);
  return p && p.kind !== 'thin' ? p : null;
}

/**
 * A fast rise that the window's robust slope is too slow to see (a spike climbing for
 * one or two samples in a flat window): above the warning threshold, the recent window
 * (≥ 3 samples, ≥ 10 min) rises steadily (least-squares R² ≥ FAST_RISE_MIN_R_SQUARED)
 * by more than JUMP_NOISE_FACTOR × the window's typical sample-to-sample change. It is
 * projected at the recent window's own robust slope; being above warning, it needs no
 * further evidence to be critical, but — like any forecast — it is no healing trigger.
 * R² ≥ 0.7, not 0.8: a spike that was flat until 4 minutes before its newest sample fits
 * its 10-min window at R² < 0.8 one check before it crosses (an irregular spike at 1-min
 * climbing 30 → 43 → 54 → 67 → 79 → 91 % went unwarned). At 0.8 the spikes' false episodes
 * had no room for it; once the levelling-off rule (PREDICTION_RECENT_MIN_SHARE) freed some,
 * 0.7 warns it with the spikes' false episodes unchanged (docs/backtest.md).
 */
export const FAST_RISE_MIN_R_SQUARED = 0.7;
export function fastRiseAt(metric: MetricName, sorted: readonly MetricSample[], endIndex: number, threshold: Threshold, spec: WindowSpec): Projection | null {
  const newest = sorted[endIndex];
  if (!newest) return null;
  const current = newest[metric];
  if (!inWarningBand(current, threshold)) return null;
  const t0 = newest.timestamp.getTime();
  const window = windowPoints(metric, sorted, endIndex, spec);
  const recent = window.filter((p) => p.x >= -spec.recentSeconds);
  if (recent.length < PREDICTION_RECENT_MIN_POINTS || window.length < PREDICTION_RECENT_MIN_POINTS + 1) return null;
  const fit = linearFit(recent);
  const robust = theilSenFit(recent);
  if (!fit || !robust || robust.slope <= 0 || fit.rSquared < FAST_RISE_MIN_R_SQUARED) return null;
  const typical = median(window.slice(1).map((p, i) => Math.abs(p.y - window[i]!.y)));
  if (!(robust.slope * -recent[0]!.x > JUMP_NOISE_FACTOR * typical)) return null;
  // A sawtooth climbing back after its drop (GC, restart) is no more a fast rise than a trend:
  // below where it fell from it is nothing, above it only the peaks' creep counts.
  if (afterJump(window, robust.slope) === null) return null;
  const cycle = peakToPeakSlope(window);
  if (cycle !== null && cycle <= 0) return null;
  const slope = cycle !== null && cycle < robust.slope ? cycle : robust.slope;
  return fromObserved(metric, current, threshold, slope, { rSquared: fit.rSquared, fromMs: t0 + recent[0]!.x * 1000, atMs: t0 }, { fast: true });
}

/**
 * Data returning after a gap already above warning has no trend to fit (one or two
 * samples), yet the metric rose while nobody saw it. The slowest rise consistent with the
 * data is a straight line from the last sample before the gap to now; projected at that
 * rate, like any forecast. Only above warning (below it, a level that moved across a
 * gap is no warning by itself) and only when the window is thin because of the gap.
 */
export function gapRiseAt(metric: MetricName, sorted: readonly MetricSample[], endIndex: number, threshold: Threshold, spec: WindowSpec): Projection | null {
  const newest = sorted[endIndex];
  if (!newest) return null;
  const current = newest[metric];
  if (!inWarningBand(current, threshold)) return null;
  const t0 = newest.timestamp.getTime();
  // Called on a thin window only, far below PREDICTION_MAX_SAMPLES, so its start is where time cuts it.
  const i = windowStart(sorted, endIndex, spec);
  const before = sorted[i - 1];
  // The gap: from the last sample before the window to the first in it, longer than the window itself.
  if (!before || sorted[i]!.timestamp.getTime() - before.timestamp.getTime() <= spec.windowSeconds * 1000) return null;
  const slope = (current - before[metric]) / ((t0 - before.timestamp.getTime()) / 1000);
  if (!(slope > 0)) return null;
  return fromObserved(metric, current, threshold, slope, { rSquared: 0, fromMs: before.timestamp.getTime(), atMs: t0 }, { via: 'gap' });
}

/**
 * Above warning and closer to critical than the metric's own typical sample-to-sample
 * change (the median over the window): one ordinary step of noise carries it over, so a
 * level there — a step that landed just below critical, which is flat and has no trend —
 * is as good as crossing by the next check; projected at one typical change per step.
 * Only on arrival: a metric that already sat above warning in the window and stayed below
 * critical has shown that its noise there does not carry it over (a nightly job's plateau
 * at 88 %; without this test the batch job's false episodes went from 0.85 to 1.82 a day).
 * On the backtest it warns a 5-s step landing at 89 % one check before 93 %, with no
 * false episode added anywhere.
 */
export const NOISE_REACH_SHARE = 1;
export function noiseReachAt(metric: MetricName, sorted: readonly MetricSample[], endIndex: number, threshold: Threshold, spec: WindowSpec): Projection | null {
  const newest = sorted[endIndex];
  if (!newest) return null;
  const current = newest[metric];
  if (!inWarningBand(current, threshold)) return null;
  const t0 = newest.timestamp.getTime();
  const ys = windowPoints(metric, sorted, endIndex, spec).map((p) => p.y);
  if (ys.length < spec.minPoints) return null;
  // A metric that already sat above warning in this window and stayed below critical has shown
  // that its noise there does not carry it over (a plateau just below critical).
  if (ys.slice(0, -1).some((y) => y > threshold.warning)) return null;
  const typical = median(ys.slice(1).map((y, i) => Math.abs(y - ys[i]!)));
  const gap = threshold.critical - current;
  if (!(typical > 0) || gap >= NOISE_REACH_SHARE * typical) return null;
  return fromObserved(metric, current, threshold, typical / spec.stepSeconds, { rSquared: 0, fromMs: t0, atMs: t0 }, { via: 'noise' });
}
