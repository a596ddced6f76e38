import { describe, expect, it } from 'vitest';
import { formatChance, formatRiskScore } from '../../../lib/healing/format';
import { bandForLevel, CHANCE_WITHIN_HOUR } from '../../../lib/healing/levels';
import { NO_TREND_REASON, predictFailure } from '../../../lib/healing/prediction';
import { DEFAULT_THRESHOLDS } from '../../../lib/healing/thresholds';
import type { LeakAnalysis, MetricName, MetricSample, PredictionLevel } from '../../../lib/healing/types';
import { orthogonalNoise, prng, sampleAt, series } from './fixtures';

const N = 60; // a multiple of 4 so orthogonalNoise leaves the fit untouched
const STEP = 30; // seconds

/**
 * 60 samples 30 s apart in which `metric` rises `perMinute` and its fitted line
 * reaches critical exactly `minutes` after the newest sample.
 */
function ramp(metric: MetricName, minutes: number, perMinute: number, noise: (i: number) => number = () => 0): MetricSample[] {
  const critical = DEFAULT_THRESHOLDS[metric].critical;
  return series(N, STEP, (i) => {
    const minutesBeforeNewest = ((N - 1 - i) * STEP) / 60;
    return { [metric]: critical - perMinute * (minutes + minutesBeforeNewest) + noise(i) };
  });
}

function expectInBand(probability: number, level: PredictionLevel): void {
  const band = bandForLevel(level);
  if (level === 'critical') expect(probability).toBeGreaterThan(band.minProbability);
  else expect(probability).toBeGreaterThanOrEqual(band.minProbability);
  if (level === 'low') expect(probability).toBeLessThan(band.maxProbability);
  else expect(probability).toBeLessThanOrEqual(band.maxProbability);
}

describe('one case per level', () => {
  it.each<[PredictionLevel, MetricName, number, number, string, string]>([
    ['critical', 'memory_usage', 25, 0.3, '< 1 hour', 'Restart/Rollback'],
    ['high', 'cpu_usage', 180, 0.1, '1-6 hours', 'Monitor closely'],
    ['medium', 'latency_ms', 720, 2, '6-24 hours', 'Schedule maintenance'],
    ['low', 'error_rate', 2880, 0.00002, '> 24 hours', 'Normal operation'],
  ])('%s: %s failing in %d min', (level, metric, minutes, perMinute, ttf, action) => {
    const p = predictFailure(ramp(metric, minutes, perMinute), DEFAULT_THRESHOLDS);
    expect(p.level).toBe(level);
    expect(p.time_to_failure).toBe(ttf);
    expect(p.recommended_action).toBe(action);
    expect(p.metric).toBe(metric);
    expect(p.minutes_to_failure).toBeCloseTo(minutes, 0);
    expectInBand(p.probability, level);
    expect(p.reasons[0]).toContain(metric);
  });

  it('phrases a projection with units, rate and fit quality', () => {
    const p = predictFailure(ramp('memory_usage', 25, 0.32), DEFAULT_THRESHOLDS);
    expect(p.reasons).toEqual(['memory_usage projected to reach 90% in ~25 min (now 82.0%, +0.32%/min, fit R² 1.00)']);
  });

  it('shows error_rate in percent and hours for later failures', () => {
    const p = predictFailure(ramp('error_rate', 150, 0.0002), DEFAULT_THRESHOLDS);
    expect(p.reasons[0]).toBe('error_rate projected to reach 10% in ~2.5 h (now 7.0%, +0.02%/min, fit R² 1.00)');
  });

  it('beyond 24 h still reports the earliest projection without alarming', () => {
    const p = predictFailure(ramp('cpu_usage', 3000, 0.01), DEFAULT_THRESHOLDS);
    expect(p.level).toBe('low');
    expect(p.reasons).toEqual(['No metric is projected to reach its critical threshold within 24 h (earliest: cpu_usage in ~2.1 days)']);
    expect(p.probability).toBeGreaterThan(0.002);
  });
});

describe('already critical', () => {
  it('is critical now with high probability', () => {
    const history = series(20, STEP, () => ({ cpu_usage: 95 }));
    const p = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(p).toMatchObject({ level: 'critical', time_to_failure: '< 1 hour', minutes_to_failure: 0, metric: 'cpu_usage' });
    expect(p.probability).toBeGreaterThanOrEqual(0.95);
    expectInBand(p.probability, 'critical');
    expect(p.reasons).toEqual(['cpu_usage is already critical: 95.0% > 90%']);
  });

  it('needs no history at all', () => {
    const p = predictFailure([sampleAt(0, { latency_ms: 7000 })], DEFAULT_THRESHOLDS);
    expect(p.level).toBe('critical');
    expect(p.reasons).toEqual(['latency_ms is already critical: 7000 ms > 5000 ms']);
  });

  it('lists it before slower projections', () => {
    const history = ramp('memory_usage', 30, 0.3).map((s) => ({ ...s, error_rate: 0.2 }));
    const p = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(p.metric).toBe('error_rate');
    expect(p.reasons).toHaveLength(2);
    expect(p.reasons[0]).toMatch(/^error_rate is already critical: 20\.0% > 10%/);
    expect(p.reasons[1]).toMatch(/^memory_usage projected to reach 90% in ~30 min/);
  });
});

describe('fit quality', () => {
  it.each<[PredictionLevel, number, number, number]>([
    ['critical', 30, 0.5, 4],
    ['high', 200, 0.05, 0.4],
    ['medium', 900, 0.02, 0.15],
  ])('%s: a noisy ramp with the same time to failure has lower probability', (level, minutes, perMinute, amplitude) => {
    const clean = predictFailure(ramp('memory_usage', minutes, perMinute), DEFAULT_THRESHOLDS);
    const noisy = predictFailure(ramp('memory_usage', minutes, perMinute, (i) => orthogonalNoise(i, amplitude)), DEFAULT_THRESHOLDS);
    expect(noisy.level).toBe(level);
    expect(noisy.minutes_to_failure).toBe(clean.minutes_to_failure);
    expect(noisy.probability).toBeLessThan(clean.probability);
    expectInBand(noisy.probability, level);
    expect(noisy.reasons[0]).toMatch(/fit R² 0\.[2-9]\d\)$/);
  });

  it('does not project a rise that is indistinguishable from noise (R² < 0.25)', () => {
    const p = predictFailure(ramp('memory_usage', 30, 0.5, (i) => orthogonalNoise(i, 10)), DEFAULT_THRESHOLDS);
    expect(p.level).toBe('low');
    expect(p.reasons).toEqual([NO_TREND_REASON]);
  });

  it.each([1, 2, 3, 4, 5, 6])('random noise (seed %d) never leaves the band of its level', (seed) => {
    const rand = prng(seed);
    const p = predictFailure(ramp('cpu_usage', 40, 0.4, () => (rand() - 0.5) * 12), DEFAULT_THRESHOLDS);
    expectInBand(p.probability, p.level);
    // Under an hour is critical once confirmed (issue 12: persisted over consecutive checks, or
    // above warning); unconfirmed it is high and the reason says so. Seed 5's noise hides the
    // trend entirely at the check a minute earlier, so that projection has not persisted: high
    // is the honest answer, not a band violation.
    if (p.minutes_to_failure !== null && p.minutes_to_failure < 60) {
      if (p.level === 'high') expect(p.reasons[0]).toMatch(/— not yet confirmed: /);
      else expect(p.level).toBe('critical');
    }
  });
});

describe('probability rises as failure nears', () => {
  it.each<[PredictionLevel, number[], number]>([
    // 50 min, not 55: at 55 min the check 5 min earlier projected 60 min, so the forecast has not
    // yet persisted below the hour (memory_usage is below its warning threshold): high, not critical.
    ['critical', [50, 40, 20, 5], 0.5],
    ['high', [350, 240, 120, 61], 0.05],
    ['medium', [1400, 1000, 600, 370], 0.02],
    ['low', [10_000, 5000, 2000], 0.002],
  ])('%s', (level, minutesList, perMinute) => {
    const ps = minutesList.map((m) => predictFailure(ramp('memory_usage', m, perMinute), DEFAULT_THRESHOLDS));
    for (const p of ps) {
      expect(p.level).toBe(level);
      expectInBand(p.probability, level);
    }
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.probability).toBeGreaterThan(ps[i - 1]!.probability);
  });
});

describe('nothing trending', () => {
  it.each<[string, MetricSample[]]>([
    ['flat healthy', series(N, STEP, () => ({}))],
    ['falling metrics', series(N, STEP, (i) => ({ cpu_usage: 60 - i * 0.5 }))],
  ])('%s → low with the "No metric" reason', (_label, history) => {
    const p = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(p).toMatchObject({ level: 'low', time_to_failure: '> 24 hours', minutes_to_failure: null, metric: null });
    expect(p.reasons).toEqual([NO_TREND_REASON]);
    expect(p.probability).toBeLessThan(0.01);
  });

  // Issue 12 item 2: a check that cannot run says so (these used to read "No metric is trending").
  it.each<[string, MetricSample[], string]>([
    ['single sample', [sampleAt(0)], 'Not enough history to project a trend: 1 sample (needs 6)'],
    ['empty history', [], 'Not enough history to project a trend: 0 samples (needs 6)'],
    ['rising but too few points', series(4, STEP, (i) => ({ cpu_usage: 80 + i })), 'Too few samples to project a trend: 4 in the last ~2 min (needs 6 over ≥ ~5 min at one sample every 30 s)'],
    ['rising but spanning < 60 s', series(10, 5, (i) => ({ cpu_usage: 80 + i })), 'Too few samples to project a trend: 10 in the last < 1 min (needs 6 over ≥ ~5 min at one sample every 5 s)'],
    ['sampled every 20 min', series(12, 1200, (i) => ({ cpu_usage: 40 + 4 * i })), 'Sampling every ~20 min is too sparse to project a trend (needs 8 samples within 2 h)'],
  ])('%s → low, and the reason says why nothing could be projected', (_label, history, reason) => {
    const p = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(p).toMatchObject({ level: 'low', minutes_to_failure: null, metric: null, reasons: [reason] });
  });

  it('ignores samples older than 30 minutes', () => {
    // A steep ramp 2 h ago, flat for the last 30 min.
    const old = series(60, STEP, (i) => ({ cpu_usage: 30 + i }));
    const recent = series(61, STEP, () => ({ cpu_usage: 50 })).map((s) => ({ ...s, timestamp: new Date(s.timestamp.getTime() + 2 * 3_600_000) }));
    expect(predictFailure([...old, ...recent], DEFAULT_THRESHOLDS).reasons).toEqual([NO_TREND_REASON]);
  });
});

describe('a detected memory leak', () => {
  const leak = (metric: 'memory_mb' | 'memory_usage', growth: number, r_squared = 0.98): LeakAnalysis => ({
    leak_detected: true, reason: 'x', metric, points: 60, growth_per_hour: growth, r_squared, rising_fraction: 0.9,
  });
  /** Flat samples: only the leak can move the prediction. */
  const flat = (memory_usage: number, memory_mb: number | null = null) => series(N, STEP, () => ({ memory_usage, memory_mb }));

  it.each<[string, MetricSample[], LeakAnalysis, PredictionLevel, string, number | null, string[]]>([
    // 42 MB/h at 600 MB ≙ 60 %: 4.2 %/h → 90 % in ~7.1 h.
    ['memory_mb leak converted with memory_usage / memory_mb', flat(60, 600), leak('memory_mb', 42), 'medium', '6-24 hours', 428.6,
      ['memory_usage projected to reach 90% in ~7.1 h at the memory leak\'s rate (now 60.0%, +0.07%/min (memory_mb +42.0 MB/h), leak fit R² 0.98)', 'Memory leak detected: memory_mb growing ~42.0 MB/h']],
    ['a faster memory_mb leak: ~2.5 h', flat(60, 600), leak('memory_mb', 120), 'high', '1-6 hours', 150, [
      'memory_usage projected to reach 90% in ~2.5 h at the memory leak\'s rate (now 60.0%, +0.2%/min (memory_mb +120.0 MB/h), leak fit R² 0.98)', 'Memory leak detected: memory_mb growing ~120.0 MB/h']],
    ['a leak near critical: ~25 min', flat(85, 850), leak('memory_mb', 120), 'critical', '< 1 hour', 25, [
      'memory_usage projected to reach 90% in ~25 min at the memory leak\'s rate (now 85.0%, +0.2%/min (memory_mb +120.0 MB/h), leak fit R² 0.98)', 'Memory leak detected: memory_mb growing ~120.0 MB/h']],
    ['memory_usage leak projected directly', flat(70), leak('memory_usage', 4), 'high', '1-6 hours', 300, [
      'memory_usage projected to reach 90% in ~5.0 h at the memory leak\'s rate (now 70.0%, +0.067%/min, leak fit R² 0.98)', 'Memory leak detected: memory_usage growing ~4.00%/h']],
    // 1.5 %/h from 40 %: ~33 h — still medium: a confirmed leak needs maintenance.
    ['a slow leak far from critical is still medium', flat(40), leak('memory_usage', 1.5), 'medium', '> 24 hours', 2000, [
      'No metric is projected to reach its critical threshold within 24 h (earliest: memory_usage in ~33.3 h)', 'Memory leak detected: memory_usage growing ~1.50%/h']],
    ['memory_mb leak without memory_mb in the prediction window: medium, no projection', flat(60), leak('memory_mb', 42), 'medium', '> 24 hours', null, [
      'Memory leak detected: memory_mb growing ~42.0 MB/h']],
  ])('%s', (_label, history, detected, level, ttf, minutes, reasons) => {
    const p = predictFailure(history, DEFAULT_THRESHOLDS, detected);
    expect(p.level).toBe(level);
    expect(p.recommended_action).toBe(bandForLevel(level).recommended_action);
    expect(p.time_to_failure).toBe(ttf);
    if (minutes === null) expect(p.minutes_to_failure).toBeNull();
    else expect(p.minutes_to_failure).toBeCloseTo(minutes, 0);
    expect(p.metric).toBe(minutes === null ? null : 'memory_usage');
    expectInBand(p.probability, level);
    expect(p.reasons).toEqual(reasons);
  });

  it('without it the same flat samples are low, normal operation', () => {
    const p = predictFailure(flat(60, 600), DEFAULT_THRESHOLDS, { ...leak('memory_mb', 42), leak_detected: false });
    expect(p).toMatchObject({ level: 'low', recommended_action: 'Normal operation', reasons: [NO_TREND_REASON] });
    expect(p.probability).toBeLessThan(0.1);
  });

  it.each<[PredictionLevel, number]>([['critical', 420], ['high', 120], ['medium', 42]])(
    '%s: a poorer leak fit gives a lower probability in the same level',
    (level, growth) => {
      const good = predictFailure(flat(60, 600), DEFAULT_THRESHOLDS, leak('memory_mb', growth, 0.99));
      const poor = predictFailure(flat(60, 600), DEFAULT_THRESHOLDS, leak('memory_mb', growth, 0.6));
      expect([good.level, poor.level]).toEqual([level, level]);
      expect(poor.probability).toBeLessThan(good.probability);
    },
  );

  it('the probability rises as a leak nears critical, also through the medium floor', () => {
    const ps = [0.5, 1, 2, 3, 4, 8, 20, 60].map((growth) => predictFailure(flat(40), DEFAULT_THRESHOLDS, leak('memory_usage', growth)));
    expect(ps.map((p) => p.level)).toEqual(['medium', 'medium', 'medium', 'medium', 'medium', 'medium', 'high', 'critical']);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.probability).toBeGreaterThan(ps[i - 1]!.probability);
    // Floored (> 24 h) stays below any failure actually projected within 24 h.
    expect(ps[1]!.probability).toBeLessThan(0.105);
  });

  it.each<[string, number, PredictionLevel, number, RegExp]>([
    // memory_usage's own trend: 78% → 90% at +0.02%/min, 10 h.
    ['a leak agreeing within 10% leaves memory_usage its own trend', 1.3, 'medium', 600, /^memory_usage projected to reach 90% in ~10\.0 h \(now 78\.0%, \+0\.02%\/min, fit R² 1\.00\)$/],
    ['a clearly sooner leak replaces it', 4, 'high', 180, /^memory_usage projected to reach 90% in ~3\.0 h at the memory leak's rate \(now 78\.0%/],
  ])('%s', (_label, growth, level, minutes, reason) => {
    const p = predictFailure(ramp('memory_usage', 600, 0.02), DEFAULT_THRESHOLDS, leak('memory_usage', growth));
    expect(p.level).toBe(level);
    expect(p.minutes_to_failure).toBeCloseTo(minutes, 0);
    expect(p.reasons).toHaveLength(2);
    expect(p.reasons[0]).toMatch(reason);
  });

  it('the leak stands in where memory_usage is too noisy to project, and other metrics still compete on time', () => {
    // memory_usage too noisy to project (R² < 0.25): the leak's projection, from the observed 81%.
    const noisy = predictFailure(ramp('memory_usage', 600, 0.02, (i) => orthogonalNoise(i, 3)), DEFAULT_THRESHOLDS, leak('memory_usage', 4));
    expect(noisy.level).toBe('high');
    expect(noisy.reasons[0]).toBe("memory_usage projected to reach 90% in ~2.3 h at the memory leak's rate (now 81.0%, +0.067%/min, leak fit R² 0.98)");
    // A sooner cpu_usage failure decides the level; the leak's projection is listed after it.
    const cpu = predictFailure(ramp('cpu_usage', 30, 0.5).map((s) => ({ ...s, memory_usage: 60, memory_mb: 600 })), DEFAULT_THRESHOLDS, leak('memory_mb', 42));
    expect(cpu).toMatchObject({ level: 'critical', metric: 'cpu_usage' });
    expect(cpu.reasons).toHaveLength(3);
    expect(cpu.reasons[1]).toMatch(/^memory_usage projected to reach 90% in ~7\.1 h at the memory leak's rate/);
  });

  it('an already-critical memory_usage is not projected again', () => {
    const p = predictFailure(flat(95, 1000), DEFAULT_THRESHOLDS, leak('memory_mb', 42));
    expect(p.reasons).toEqual(['memory_usage is already critical: 95.0% > 90%', 'Memory leak detected: memory_mb growing ~42.0 MB/h']);
  });
});

describe('only a rise that is still going on counts', () => {
  it('does not project a metric that stepped up and is now recovering', () => {
    // 15 min healthy at 30 %, a jump to 86 %, then 14 min falling ~1.5 %/min.
    const history = series(N, STEP, (i) => ({ cpu_usage: i < 30 ? 30 : 86 - (i - 30) * 0.75 }));
    const prediction = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(prediction.level).toBe('low');
    expect(prediction.reasons).toEqual([NO_TREND_REASON]);
  });

  it('still projects when the newest 10 minutes keep rising', () => {
    const history = series(N, STEP, (i) => ({ cpu_usage: i < 30 ? 30 : 60 + (i - 30) * 0.5 }));
    expect(predictFailure(history, DEFAULT_THRESHOLDS).metric).toBe('cpu_usage');
  });

  it('does not project a rise that levelled off just below critical at its earlier rate', () => {
    // A batch job: 20 min climbing 1.5 %/min to 86 %, then 10 min creeping 0.05 %/min. The newest
    // 10 minutes still slope up, so "must not slope down" alone projected the window's 1.4 %/min:
    // "90 % in ~3 min", critical — and a plateau's noise flickered in and out of that.
    const plateau = series(N, STEP, (i) => ({ cpu_usage: i < 40 ? 56 + 0.75 * i : 86 + 0.025 * (i - 40) }));
    expect(predictFailure(plateau, DEFAULT_THRESHOLDS)).toMatchObject({ level: 'low', metric: null });
    // The same climb going on at its rate is projected (and critical: above warning).
    const ramp = series(N, STEP, (i) => ({ cpu_usage: 56 + 0.5 * i }));
    expect(predictFailure(ramp, DEFAULT_THRESHOLDS)).toMatchObject({ level: 'critical', metric: 'cpu_usage' });
  });

  it('after a sharp drop, projects from the observed value rather than the lagging line', () => {
    // A fall back to 40 % makes the newest 10 minutes slope downward: no projection at all.
    const restarted = series(N, STEP, (i) => ({ cpu_usage: i < N - 2 ? 30 + i * 1.03 : 40 }));
    expect(predictFailure(restarted, DEFAULT_THRESHOLDS).metric).toBeNull();
    // A smaller dip keeps the rise going but leaves the fitted line (~91 %) above the observed 86 %.
    const dipped = series(N, STEP, (i) => ({ cpu_usage: i < N - 1 ? 31 + i * 1.02 : 86 }));
    const prediction = predictFailure(dipped, DEFAULT_THRESHOLDS);
    expect(prediction.metric).toBe('cpu_usage');
    // (90 − 86) / ~2.04 per minute ≈ 2 minutes, not "now".
    expect(prediction.minutes_to_failure).toBeGreaterThan(1);
    expect(prediction.minutes_to_failure).toBeLessThan(3);
  });
});

describe('short history', () => {
  // Issue 12 item 3: the first check able to project (5 min of data) no longer makes a
  // below-warning rise critical at once; it must persist ~5 min (or breach warning).
  it('a steep rise over 4.5 min (10 samples) is not projected; at 5 min it is, unconfirmed; persisting 5 min more it is critical', () => {
    const rising = (n: number) => series(n, 30, (i) => ({ memory_usage: 50 + i * 1.5 }));
    expect(predictFailure(rising(10), DEFAULT_THRESHOLDS).level).toBe('low');
    const first = predictFailure(rising(11), DEFAULT_THRESHOLDS);
    expect(first).toMatchObject({ level: 'high', metric: 'memory_usage', critical_evidence: null });
    expect(first.minutes_to_failure).toBeLessThan(60);
    expect(first.reasons[0]).toMatch(/— not yet confirmed: seen at this check only and memory_usage is below its warning threshold \(75%\)$/);
    expect(predictFailure(rising(21), DEFAULT_THRESHOLDS)).toMatchObject({ level: 'critical', critical_evidence: 'persisted' });
  });
});

describe('a GC sawtooth whose peaks creep up is hours from critical, not minutes', () => {
  // After a collection the trend is peak to peak (projection.ts, peakToPeakSlope). Before,
  // a 20-min cycle sampled every 5 min (four samples a tooth, every step "large") hid the
  // drop from the jump test and its climb was projected: "critical, 90 % in ~25 min" at
  // each peak (the first case fails on that engine). The 1-min case guards the same rule
  // where the drop was already seen: a peak a little above the last one is no fast rise.
  it.each<[string, MetricSample[]]>([
    ['20-min teeth sampled every 5 min', series(12, 300, (i) => ({ memory_usage: 49 + 9 * (i % 4) + 0.4 * Math.floor(i / 4) }))],
    ['10-min teeth sampled every minute', series(40, 60, (i) => ({ memory_usage: 46 + 3.3 * (i % 10) + 0.15 * Math.floor(i / 10) + (i % 2 ? 0.2 : -0.2) }))],
  ])('%s', (_, history) => {
    expect(history.at(-1)!.memory_usage).toBeGreaterThan(DEFAULT_THRESHOLDS.memory_usage.warning);
    const p = predictFailure(history, DEFAULT_THRESHOLDS);
    expect(p.time_to_failure).not.toBe('< 1 hour');
    expect(p.level).not.toBe('critical');
  });
});

describe('beside the risk score (the banded probability), the calibrated chance of a crossing within the hour', () => {
  // The card's bands stay on `probability`, which the console now presents as a risk score:
  // on the backtest a check reported high was followed by a crossing within the hour ~7 % of
  // the time, so no number inside 30–50 % can be an honest probability (docs/backtest.md).
  it.each<[PredictionLevel, number, number]>([
    ['critical', 25, 0.3],
    ['high', 180, 0.1],
    ['medium', 720, 0.02],
  ])('%s carries CHANCE_WITHIN_HOUR of its level', (level, minutes, perMinute) => {
    const p = predictFailure(ramp('memory_usage', minutes, perMinute), DEFAULT_THRESHOLDS);
    expect(p.level).toBe(level);
    expect(p.chance_within_hour).toBe(CHANCE_WITHIN_HOUR[level]);
    expectInBand(p.probability, level);
  });
  it('high states the observed frequency, below its band, not the band', () => {
    expect(CHANCE_WITHIN_HOUR.high).toBeLessThan(bandForLevel('high').minProbability);
    expect(predictFailure(series(60, 30, () => ({})), DEFAULT_THRESHOLDS).chance_within_hour).toBe(CHANCE_WITHIN_HOUR.low);
  });
  it('formats: a risk score is a number out of 100, a chance a percentage', () => {
    expect(formatRiskScore(0.324)).toBe('32');
    expect(formatChance(0.075)).toBe('7.5%');
    expect(formatChance(0.57)).toBe('57%');
  });
});
