import { formatDuration, formatInterval, formatLimit, formatMemoryRatePerHour, formatRSquared, formatRatePerMinute, formatValue, type MemorySeries } from './format';
import { bandForLevel, bandForMinutes, chanceWithinHour, closenessInBand, forecastProbability, probabilityFor, type PredictionBand } from './levels';
import { fastRiseAt, gapRiseAt, noiseReachAt, projectAt, windowSpec, type Projection, type ThinWindow, type WindowSpec } from './projection';
import { METRICS, type CriticalEvidence, type FailurePrediction, type LeakAnalysis, type MetricName, type MetricSample, type PredictionLevel, type Thresholds } from './types';
import { byTime, lastIndexAtOrBefore, samplingIntervalSeconds } from './window';

/** Only projections this close get a reason of their own; later ones are "> 24 hours" noise. */
export const REASON_HORIZON_MINUTES = 1440;
export const NO_TREND_REASON = 'No metric is trending toward its critical threshold';
/**
 * memory_usage's own trend is the direct evidence; a leak's projection replaces it only
 * when clearly sooner (by more than 10%), so two estimates that agree do not take turns.
 */
export const LEAK_PROJECTION_MARGIN = 0.9;
/** A confirmed leak runs out of memory sooner or later: never less than this level. */
export const LEAK_MIN_LEVEL = 'medium';

/** A detected leak's growth, carried over to memory_usage and projected to its critical threshold. */
export interface LeakProjection {
  kind: 'leak';
  metric: 'memory_usage';
  minutes: number;
  current: number;
  critical: number;
  /** memory_usage points per minute. */
  slopePerMinute: number;
  /** The series the leak was measured on and its growth there, per hour. */
  source: MemorySeries;
  growthPerHour: number;
  rSquared: number;
  quality: number;
}

type AnyProjection = Projection | LeakProjection;

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function describe(p: AnyProjection): string {
  if (p.kind === 'already_critical') {
    return `${p.metric} is already critical: ${formatValue(p.metric, p.current)} > ${formatLimit(p.metric, p.critical)}`;
  }
  const head = `${p.metric} projected to reach ${formatLimit(p.metric, p.critical)} in ${formatDuration(p.minutes)}`;
  if (p.kind === 'leak') {
    const from = p.source === 'memory_mb' ? ` (memory_mb ${formatMemoryRatePerHour('memory_mb', p.growthPerHour)})` : '';
    return (
      `${head} at the memory leak's rate ` +
      `(now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)}${from}, leak fit R² ${formatRSquared(p.rSquared)})`
    );
  }
  if (p.via === 'gap') {
    return `${head} at the rise across the gap in the data (now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)} since ${hhmm(p.fromMs)} UTC)`;
  }
  if (p.via === 'noise') {
    return `${head}: now ${formatValue(p.metric, p.current)}, closer to it than one ordinary sample-to-sample change (${formatRatePerMinute(p.metric, p.slopePerMinute)})`;
  }
  return `${head} (now ${formatValue(p.metric, p.current)}, ${formatRatePerMinute(p.metric, p.slopePerMinute)}, fit R² ${formatRSquared(p.rSquared)})`;
}

function leakReason(leak: LeakAnalysis | undefined): string[] {
  if (!leak?.leak_detected || !leak.metric || leak.growth_per_hour === null) return [];
  return [`Memory leak detected: ${leak.metric} growing ~${formatMemoryRatePerHour(leak.metric, leak.growth_per_hour, false)}`];
}

/**
 * Projects a detected leak onto memory_usage like any other trend: its fitted growth
 * (growth_per_hour — on memory_usage directly, or on memory_mb converted with the
 * newest sample's ratio memory_usage / memory_mb, resident memory being a share of a
 * fixed total) from the current memory_usage to its critical threshold. The leak's
 * R² is the fit quality. Null without a leak, without growth, when memory_mb cannot
 * be converted, or when memory_usage is already critical (that projection says "now").
 */
export function projectLeak(window: readonly MetricSample[], leak: LeakAnalysis | undefined, critical: number): LeakProjection | null {
  if (!leak?.leak_detected || !leak.metric || leak.growth_per_hour === null || leak.growth_per_hour <= 0) return null;
  const newest = window.at(-1);
  if (!newest || newest.memory_usage > critical) return null;
  let usagePerSeriesUnit = 1;
  if (leak.metric === 'memory_mb') {
    const withMb = window.findLast((s) => typeof s.memory_mb === 'number' && Number.isFinite(s.memory_mb) && s.memory_mb > 0);
    if (!withMb) return null;
    usagePerSeriesUnit = withMb.memory_usage / withMb.memory_mb!;
  }
  const slopePerMinute = (leak.growth_per_hour * usagePerSeriesUnit) / 60;
  if (!(slopePerMinute > 0)) return null;
  const rSquared = leak.r_squared ?? 0;
  return {
    kind: 'leak',
    metric: 'memory_usage',
    minutes: (critical - newest.memory_usage) / slopePerMinute,
    current: newest.memory_usage,
    critical,
    slopePerMinute,
    source: leak.metric,
    growthPerHour: leak.growth_per_hour,
    rSquared,
    quality: rSquared,
  };
}

/**
 * Persistence: a "< 1 hour" projection is confirmed when it also held at the previous
 * check and at the check persistSeconds() earlier — two sampling steps, but at least a
 * minute (at 5-s sampling two steps are the same data) and at most PERSIST_MAX_MINUTES
 * (at 5-min sampling: the previous check alone). Derived from the sample history itself,
 * so the function stays pure and the backtest replays it exactly. It was a flat 5
 * minutes: at 30-s sampling that is eleven consecutive checks, and the wait cost a steady
 * CPU ramp most of its warning before the breach (critical 7.5 min before 90 % instead
 * of ~12).
 */
export const PERSIST_STEPS = 2;
export const PERSIST_MIN_MINUTES = 1;
export const PERSIST_MAX_MINUTES = 5;
export function persistSeconds(stepSeconds: number): number {
  return Math.min(PERSIST_MAX_MINUTES * 60, Math.max(PERSIST_MIN_MINUTES * 60, PERSIST_STEPS * stepSeconds));
}
/**
 * Memory of failed forecasts: a "< 1 hour" forecast is damped when the same phase 1 h,
 * 2 h, or 1, 2 or 3 days earlier (±10 min, and the hour after) got at least as high as
 * the metric is now without crossing (see failedRises) — unless the metric is about to
 * pass the highest of those peaks.
 */
export const MEMORY_LAGS_MINUTES = [60, 120, 1440, 2880, 4320] as const;
export const MEMORY_PHASE_TOLERANCE_MINUTES = 10;
export const MEMORY_OUTCOME_MINUTES = 60;
/** The outcome hour must be at least this well covered by samples to count. */
export const MEMORY_MIN_OUTCOME_MINUTES = 45;
export const FELL_BACK_SHARE = 0.5;
export const CRITICAL_MINUTES = 60;

/**
 * A projection alone never restarts anything: a critical prediction becomes a healing
 * trigger (assess.ts) and a reason for a disruptive action (remediation-plan.ts) only
 * when the metric is already critical, the "< 1 hour" forecast persisted over
 * consecutive checks, or a detected leak projects it. Above-warning evidence alone
 * makes the level critical (shown, alerted) but not a trigger.
 */
const TRIGGER_EVIDENCE: readonly CriticalEvidence[] = ['already_critical', 'persisted', 'leak'];
export function isHealingTrigger(prediction: Pick<FailurePrediction, 'level' | 'critical_evidence'>): boolean {
  return prediction.level === 'critical' && prediction.critical_evidence != null && TRIGGER_EVIDENCE.includes(prediction.critical_evidence);
}

type Status =
  | { confirmed: true; evidence: CriticalEvidence }
  | { confirmed: false; note: string };

const MINUTE = 60_000;

/** True when the projection is < 1 h both at the previous check and ~5 min earlier. */
function persisted(metric: MetricName, sorted: readonly MetricSample[], end: number, thresholds: Thresholds, spec: WindowSpec): boolean {
  const now = sorted[end]!.timestamp.getTime();
  const persistMs = persistSeconds(spec.stepSeconds) * 1000;
  const earlier = lastIndexAtOrBefore(sorted, now - persistMs, end);
  const priors = [...new Set([end - 1, earlier])].filter((i) => i >= 0);
  if (priors.length === 0) return false;
  // A gap longer than twice the expected spacing breaks "consecutive".
  const oldest = Math.min(...priors);
  if (now - sorted[oldest]!.timestamp.getTime() > 2 * Math.max(spec.stepSeconds * 1000, persistMs)) return false;
  return priors.every((i) => {
    const p = projectAt(metric, sorted, i, thresholds[metric], spec);
    return p !== null && p.kind !== 'thin' && p.minutes < CRITICAL_MINUTES;
  });
}

/**
 * Times at which the same phase earlier (each lag ±10 min and the hour after) rose and
 * stopped below critical — at the 1-hour lag, whose hour runs up to now, it must also
 * have fallen back by half its rise. A phase that went through is not a failed rise
 * (it does not count either way). Null — no damping — when none failed, or when the
 * metric is past the highest peak of the last two hours and about to pass the highest
 * peak of the earlier days (by the next check at its trend's rate; a fast rise must
 * already be past it): a rise already higher than the earlier ones is not the same rise.
 */
function failedRises(p: Projection, sorted: readonly MetricSample[], end: number, thresholds: Thresholds, stepSeconds: number): string[] | null {
  if (p.kind !== 'trend') return null;
  const { metric } = p;
  const critical = thresholds[metric].critical;
  const now = sorted[end]!.timestamp.getTime();
  const failed: string[] = [];
  let highestNear = -Infinity, highestDays = -Infinity;
  for (const lag of MEMORY_LAGS_MINUTES) {
    const from = now - (lag + MEMORY_PHASE_TOLERANCE_MINUTES) * MINUTE;
    const until = Math.min(now - (lag - MEMORY_OUTCOME_MINUTES) * MINUTE, now);
    const first = lastIndexAtOrBefore(sorted, from, end) + 1;
    let peak = -Infinity, peakAt = 0, low = Infinity, afterPeakLow = Infinity, lastT = 0, crossed = false;
    for (let i = first; i <= end && sorted[i]!.timestamp.getTime() <= until; i++) {
      const v = sorted[i]![metric];
      lastT = sorted[i]!.timestamp.getTime();
      if (v > critical) crossed = true;
      low = Math.min(low, v);
      if (v > peak) {
        peak = v;
        peakAt = lastT;
        afterPeakLow = Infinity;
      } else afterPeakLow = Math.min(afterPeakLow, v);
    }
    if (crossed) continue;
    const covered = lastT - Math.max(from, sorted[first]?.timestamp.getTime() ?? lastT) >= MEMORY_MIN_OUTCOME_MINUTES * MINUTE;
    if (!covered || peak < p.current) continue;
    const fellBack = afterPeakLow <= peak - FELL_BACK_SHARE * (peak - low);
    if (lag <= MEMORY_OUTCOME_MINUTES && !fellBack) continue;
    if (lag < 1440) highestNear = Math.max(highestNear, peak);
    else highestDays = Math.max(highestDays, peak);
    failed.push(lag >= 1440 ? `${hhmm(peakAt)} ${lag === 1440 ? 'yesterday' : `${lag / 1440} days ago`}` : hhmm(peakAt));
  }
  if (failed.length === 0) return null;
  // Past the peaks of the last two hours means now, not soon (a sawtooth or spike would be
  // credited past any peak at its rate). Days earlier the phase lines up only to ±10 min and a
  // nightly job at 5-min sampling may cross within one step: a window-long trend is credited
  // with its rate until the next check there; a fast rise is not.
  const ahead = p.fast ? 0 : (p.slopePerMinute * stepSeconds) / 60;
  return p.current > highestNear && p.current + ahead > highestDays ? null : failed;
}

function statusOf(
  p: AnyProjection,
  sorted: readonly MetricSample[],
  end: number,
  thresholds: Thresholds,
  spec: WindowSpec | null,
  leak: LeakProjection | null,
): Status {
  if (p.kind === 'already_critical') return { confirmed: true, evidence: 'already_critical' };
  if (p.kind === 'leak') return { confirmed: true, evidence: 'leak' };
  // memory_usage's own trend agreeing with a detected leak (both within the hour) is backed by
  // the leak's hour-long fit. Without this, the moment the own trend's window cleared the last
  // restart it replaced the leak's projection and, being new, fell back to "not yet confirmed"
  // for the persistence time — a leak seen for 20 minutes read high instead of critical.
  if (p.metric === 'memory_usage' && leak && leak.minutes < CRITICAL_MINUTES) return { confirmed: true, evidence: 'leak' };
  if (!spec) return { confirmed: false, note: 'no usable window' };
  const failed = failedRises(p, sorted, end, thresholds, spec.stepSeconds);
  if (failed) {
    const list = failed.length === 1 ? failed[0] : `${failed.slice(0, -1).join(', ')} and ${failed.at(-1)}`;
    return { confirmed: false, note: `damped: a similar rise at ${list} (UTC) fell back` };
  }
  if (persisted(p.metric, sorted, end, thresholds, spec)) return { confirmed: true, evidence: 'persisted' };
  if (p.current > thresholds[p.metric].warning) return { confirmed: true, evidence: 'warning_breach' };
  return {
    confirmed: false,
    note: `not yet confirmed: seen at this check only and ${p.metric} is below its warning threshold (${formatLimit(p.metric, thresholds[p.metric].warning)})`,
  };
}

/**
 * Failure = a metric crossing its critical threshold. `history` is chronological with
 * the current sample last (it may also hold the same phase an hour and a day earlier;
 * see history.ts). Each metric is projected over a window sized from the component's
 * own sampling interval (projection.ts); when no window can be formed the reasons say
 * why. A detected leak projects memory_usage as well (projectLeak); it counts when
 * memory_usage has none of its own or when it is more than 10% sooner.
 *
 * The earliest projection decides the level — except that a "< 1 hour" one is critical
 * only with evidence (already critical, persisted over consecutive checks, above the
 * warning threshold, or a leak) and when the same phase earlier did not show a similar
 * rise that fell back. Without that it is reported one level lower, "high" (Monitor
 * closely), with minutes_to_failure still the projection and the reason saying why.
 * Probabilities are the calibrated ranges of levels.ts; a detected leak lifts a low
 * level to medium as before.
 */
export function predictFailure(history: readonly MetricSample[], thresholds: Thresholds, leak?: LeakAnalysis): FailurePrediction {
  const sorted = byTime(history);
  const end = sorted.length - 1;
  const windowResult = windowSpec(samplingIntervalSeconds(sorted), sorted.length);
  const spec = windowResult.ok ? windowResult.spec : null;
  const cannotRun: string[] = windowResult.ok ? [] : [windowResult.reason];

  const trends: Projection[] = [];
  let thin: ThinWindow | null = null;
  for (const m of METRICS) {
    const newest = sorted[end];
    if (!newest) break;
    if (!spec) {
      if (newest[m] > thresholds[m].critical) trends.push({ kind: 'already_critical', metric: m, minutes: 0, current: newest[m], critical: thresholds[m].critical, quality: 1 });
      continue;
    }
    const p = projectAt(m, sorted, end, thresholds[m], spec);
    if (p?.kind === 'thin') {
      const across = gapRiseAt(m, sorted, end, thresholds[m], spec);
      if (across && across.minutes < CRITICAL_MINUTES) trends.push(across);
      else thin ??= p;
      continue;
    }
    // A rise too fast for the window's robust slope (see fastRiseAt) counts when it is sooner.
    const fast = p?.kind === 'already_critical' || (p && p.minutes < CRITICAL_MINUTES) ? null : fastRiseAt(m, sorted, end, thresholds[m], spec);
    const near = p?.kind === 'already_critical' || (p && p.minutes < CRITICAL_MINUTES) || (fast && fast.minutes < CRITICAL_MINUTES) ? null : noiseReachAt(m, sorted, end, thresholds[m], spec);
    if (fast && fast.minutes < CRITICAL_MINUTES) trends.push(fast);
    else if (near) trends.push(near);
    else if (p) trends.push(p);
  }
  if (thin && spec) {
    cannotRun.push(
      `Too few samples to project a trend: ${thin.points} in the last ${formatDuration(thin.spanMinutes)} ` +
        `(needs ${spec.minPoints} over ≥ ${formatDuration(spec.minSpanSeconds / 60)} at one sample every ${formatInterval(spec.stepSeconds)})`,
    );
  }
  const own = trends.find((p) => p.metric === 'memory_usage');
  const leakProjection = projectLeak(sorted, leak, thresholds.memory_usage.critical);
  const projections: AnyProjection[] =
    leakProjection && (!own || leakProjection.minutes < LEAK_PROJECTION_MARGIN * own.minutes)
      ? [...trends.filter((p) => p !== own), leakProjection]
      : trends;
  // Ties (several at 0 min) go to the better-evidenced one: already critical has quality 1.
  projections.sort((a, b) => a.minutes - b.minutes || b.quality - a.quality);

  // Within the hour, the first projection with evidence decides; without any, the first one, demoted.
  const soon = projections.filter((p) => p.minutes < CRITICAL_MINUTES).map((p) => ({ p, status: statusOf(p, sorted, end, thresholds, spec, leakProjection) }));
  const decisive = soon.find((s) => s.status.confirmed) ?? soon[0] ?? null;
  const first = decisive?.p ?? projections[0] ?? null;
  const minutes = first ? Math.round(first.minutes * 10) / 10 : null;
  const demoted = decisive !== null && !decisive.status.confirmed;

  const leakFloor = leak?.leak_detected === true && bandForMinutes(minutes).level === 'low';
  const level: PredictionLevel = demoted ? 'high' : leakFloor ? LEAK_MIN_LEVEL : bandForMinutes(minutes).level;
  const band: PredictionBand = bandForLevel(level);
  const quality = first?.quality ?? 0;
  let probability: number;
  if (leakFloor) {
    probability = Math.round((band.minProbability + (band.maxProbability - band.minProbability) * 0.02 * closenessInBand(minutes) * (0.5 + 0.5 * quality)) * 1000) / 1000;
  } else if (first?.kind === 'already_critical') {
    probability = probabilityFor(0, 1);
  } else {
    probability = forecastProbability(level, demoted ? 1 : closenessInBand(minutes), quality);
  }

  const notes = new Map(soon.filter((s) => !s.status.confirmed).map((s) => [s.p, (s.status as { note: string }).note]));
  const reasons = projections
    .filter((p) => p.minutes < REASON_HORIZON_MINUTES)
    .map((p) => (notes.has(p) ? `${describe(p)} — ${notes.get(p)}` : describe(p)));
  if (reasons.length === 0 && first) {
    reasons.push(`No metric is projected to reach its critical threshold within 24 h (earliest: ${first.metric} in ${formatDuration(first.minutes)})`);
  }
  const leakReasons = leakReason(leak);
  // When nothing is projected because the check could not run, say so rather than "no trend".
  if (reasons.length === 0 && leakReasons.length === 0) reasons.push(...(cannotRun.length > 0 ? cannotRun : [NO_TREND_REASON]));
  reasons.push(...leakReasons);

  return {
    probability,
    chance_within_hour: chanceWithinHour(level),
    // A leak-floored medium keeps the time its projection gives ("> 24 hours").
    time_to_failure: leakFloor ? bandForMinutes(minutes).time_to_failure : band.time_to_failure,
    level,
    recommended_action: band.recommended_action,
    reasons,
    minutes_to_failure: minutes,
    metric: first?.metric ?? null,
    critical_evidence: level === 'critical' && decisive?.status.confirmed ? decisive.status.evidence : null,
  };
}
