import { describe, expect, it } from 'vitest';
import { detectMemoryLeak } from '../../../lib/healing/leak';
import type { MetricSample } from '../../../lib/healing/types';
import { prng, series } from './fixtures';

const MINUTE = 60;

describe('detectMemoryLeak', () => {
  it('detects steady growth with a reason giving its evidence', () => {
    const rand = prng(11);
    const history = series(60, MINUTE, (i) => ({ memory_mb: 500 + 0.7 * i + (rand() - 0.5) }));
    const leak = detectMemoryLeak(history);
    expect(leak).toMatchObject({ leak_detected: true, metric: 'memory_mb', points: 60 });
    expect(leak.growth_per_hour).toBeCloseTo(42, 0);
    expect(leak.r_squared).toBeGreaterThan(0.95);
    expect(leak.reason).toMatch(/^Memory grows steadily: \+4[12]\.\d MB\/h, R² (0\.9\d|1\.00), \d+% of steps rising$/);
  });

  it.each<[string, MetricSample[], RegExp]>([
    ['GC sawtooth over several cycles', series(60, MINUTE, (i) => ({ memory_mb: 500 + 10 * (i % 12) })), /^Sawtooth: memory rises but GC drops bring it back/],
    ['flat noise', (() => { const r = prng(3); return series(60, MINUTE, () => ({ memory_mb: 500 + (r() - 0.5) * 4 })); })(), /^Memory is flat or noisy \(R² 0\.\d\d\)$/],
    ['growth ending in a GC drop', series(30, MINUTE, (i) => ({ memory_mb: i === 29 ? 500 : 500 + 10 * i })), /^Sawtooth: memory returns to baseline after GC drops/],
    ['steady decline', series(30, MINUTE, (i) => ({ memory_mb: 800 - 5 * i })), /^Memory is not growing \(-300\.0 MB\/h\)$/],
    ['tiny monotonic creep', series(60, MINUTE, (i) => ({ memory_mb: 500 + 0.01 * i })), /^Memory growth is negligible/],
    ['growth made of rare jumps', series(30, MINUTE, (i) => ({ memory_mb: 500 + 40 * Math.floor(i / 3) - (i % 3 === 2 ? 1 : 0) })), /only \d+% of steps rising/],
  ])('%s → no leak', (_label, history, reason) => {
    const leak = detectMemoryLeak(history);
    expect(leak.leak_detected).toBe(false);
    expect(leak.reason).toMatch(reason);
  });

  describe('a leak under a GC sawtooth: the lows between GC drops climb', () => {
    const jitter = (seed: number, amp: number) => {
      const r = prng(seed);
      return () => (r() - 0.5) * 2 * amp;
    };
    it.each<[string, MetricSample[], 'memory_mb' | 'memory_usage', number]>([
      // 135-MB teeth every 10 min on a baseline rising 2 MB/min: R² of the whole series ≈ 0.4.
      ['rising sawtooth', series(60, MINUTE, (i) => ({ memory_mb: 500 + 2 * i + 15 * (i % 10) })), 'memory_mb', 120],
      ['rising sawtooth with noise, 5-min teeth sampled every 15 s', (() => { const j = jitter(5, 3); return series(120, 15, (i) => ({ memory_mb: 750 + 0.5 * i + 15 * (i % 20) + j() })); })(), 'memory_mb', 120],
      ['rising sawtooth ending right after a GC drop', series(61, MINUTE, (i) => ({ memory_mb: 500 + 2 * i + 15 * (i % 10) })), 'memory_mb', 120],
      ['rising sawtooth on memory_usage (no memory_mb)', (() => { const j = jitter(9, 0.2); return series(60, MINUTE, (i) => ({ memory_usage: 50 + 0.1 * i + 0.8 * (i % 10) + j() })); })(), 'memory_usage', 6],
    ])('%s → leak, measured on the lows', (_label, history, metric, perHour) => {
      const leak = detectMemoryLeak(history);
      expect(leak).toMatchObject({ leak_detected: true, metric });
      expect(leak.reason).toMatch(/^Memory leak under a GC sawtooth: the lows between GC drops rise \+[\d.]+( MB|%)\/h \(R² (0\.[89]\d|1\.00), \d of \d higher than the one before\)$/);
      expect(leak.growth_per_hour!).toBeGreaterThan(perHour * 0.8);
      expect(leak.growth_per_hour!).toBeLessThan(perHour * 1.2);
      expect(leak.r_squared!).toBeGreaterThanOrEqual(0.8);
    });

    it.each<[string, MetricSample[], RegExp]>([
      ['sawtooth whose teeth grow but return to the same baseline', series(60, MINUTE, (i) => ({ memory_mb: 500 + (4 + i / 6) * (i % 10) })), /^Sawtooth/],
      ['sawtooth whose baseline steps up once', series(60, MINUTE, (i) => ({ memory_mb: 500 + (i >= 25 ? 40 : 0) + 15 * (i % 10) })), /^Sawtooth/],
      ['rising sawtooth with only four GC drops in the window', series(60, MINUTE, (i) => ({ memory_mb: 500 + 2 * i + 15 * (i % 12) })), /^Sawtooth/],
      ['sawtooth of 2-min teeth sampled every 5 s (10 min)', series(120, 5, (i) => ({ memory_mb: 750 + 10 * (i % 24) })), /^Sawtooth/],
    ])('%s → no leak', (_label, history, reason) => {
      const leak = detectMemoryLeak(history);
      expect(leak.leak_detected).toBe(false);
      expect(leak.reason).toMatch(reason);
    });

    it('a sawtooth returning to a noisy baseline, or wide flat noise, is never a leak (300 seeds each)', () => {
      const leaks: string[] = [];
      for (let seed = 1; seed <= 300; seed++) {
        const r = prng(seed);
        let v = 750;
        const sawtooth = series(120, 30, () => {
          v += 25 + (r() - 0.5) * 20;
          if (v > 1050 + (r() - 0.5) * 60) v = 750 + (r() - 0.5) * 20;
          return { memory_mb: v };
        });
        const noise = series(60, MINUTE, () => ({ memory_usage: 50 + (r() - 0.5) * 20 }));
        for (const history of [sawtooth, noise]) {
          const leak = detectMemoryLeak(history);
          if (leak.leak_detected) leaks.push(`seed ${seed}: ${leak.reason}`);
        }
      }
      expect(leaks).toEqual([]);
    });
  });

  it.each([0, 1, 9])('with %d points refuses to guess and says it needs 10', (n) => {
    const leak = detectMemoryLeak(series(n, MINUTE, (i) => ({ memory_mb: 500 + 50 * i })));
    expect(leak.leak_detected).toBe(false);
    expect(leak.points).toBe(n);
    expect(leak.reason).toBe(`Need at least 10 memory data points, have ${n}`);
    expect(leak.growth_per_hour).toBeNull();
  });

  it('10 points on one short rising edge (5 s apart) are not a leak: needs 8 minutes of data', () => {
    const leak = detectMemoryLeak(series(10, 5, (i) => ({ memory_mb: 750 + 5 * i })));
    expect(leak.leak_detected).toBe(false);
    expect(leak.reason).toBe('Need at least 8 minutes of memory data, have 0.8');
    expect(detectMemoryLeak(series(10, 60, (i) => ({ memory_mb: 750 + 5 * i }))).leak_detected).toBe(true);
  });

  it('prefers memory_mb over memory_usage when present', () => {
    const history = series(30, MINUTE, (i) => ({ memory_mb: 400 + 2 * i, memory_usage: 60 }));
    expect(detectMemoryLeak(history)).toMatchObject({ leak_detected: true, metric: 'memory_mb' });
  });

  it('falls back to memory_usage when fewer than 10 samples carry memory_mb', () => {
    const history = series(30, MINUTE, (i) => ({ memory_usage: 50 + 0.5 * i, memory_mb: i < 5 ? 300 : null }));
    const leak = detectMemoryLeak(history);
    expect(leak).toMatchObject({ leak_detected: true, metric: 'memory_usage', points: 30 });
    expect(leak.reason).toMatch(/^Memory grows steadily: \+30\.00%\/h/);
  });

  it('only looks at the last 60 minutes', () => {
    // 2 h of steady growth, then a flat last hour: not a current leak.
    const history = series(181, MINUTE, (i) => ({ memory_mb: i < 120 ? 300 + 3 * i : 660 }));
    const leak = detectMemoryLeak(history);
    expect(leak.points).toBe(61);
    expect(leak.leak_detected).toBe(false);
  });

  it('caps the window at the newest 120 samples', () => {
    const history = series(200, 15, (i) => ({ memory_mb: 500 + i }));
    expect(detectMemoryLeak(history).points).toBe(120);
  });
});
