import { describe, expect, it } from 'vitest';
import { score, truthOf, type SeriesRun } from '../../backtest/evaluate';
import type { Verdict } from '../../backtest/methods';
import type { MetricSample } from '@/lib/healing/types';

// 200 one-minute samples at 30 % CPU; sample 150 is above critical (95 %).
const START = Date.parse('2025-03-03T00:00:00.000Z');
const samples: MetricSample[] = Array.from({ length: 200 }, (_, i) => ({
  timestamp: new Date(START + i * 60_000),
  cpu_usage: i === 150 ? 95 : 30,
  memory_usage: 45,
  error_rate: 0.01,
  latency_ms: 200,
  memory_mb: null,
}));
const truth = truthOf(samples);
const low = (alarm = false): Verdict => ({ alarm, level: alarm ? 'critical' : 'low', probability: alarm ? 0.6 : 0.01 });
const run = (over: Partial<SeriesRun> = {}): SeriesRun => ({ samples, truth, verdicts: samples.map(() => low()), ...over });

describe('backtest scoring', () => {
  it('scores the checks with an hour of known future, and counts the hour before the crossing', () => {
    expect(truth[150]!.crossed).toBe(true);
    expect(truth[90]!.T).toBe(60);
    // Checks 0–149 are scored (140–149 know their crossing; 151–199 know less than an hour and saw none).
    const s = score([run()]);
    expect(s.checks).toBe(150);
    expect(s.baseRate).toBeCloseTo(60 / 150);
    expect(s.lowCrossRate).toBeCloseTo(60 / 150);
    expect(s.crossings).toBe(1);
    expect(s.warned).toBe(0);
  });

  it('counts an alarm in the hour before as a warned crossing with its lead time', () => {
    const s = score([run({ verdicts: samples.map((_, i) => low(i >= 140 && i < 150)) })]);
    expect(s.alarms).toBe(10);
    expect(s.precision).toBe(1);
    expect(s.warned).toBe(1);
    expect(s.medianLeadMinutes).toBe(10);
    expect(s.falseEpisodes).toBe(0);
    // The ten alarmed checks left "low": 50 of the remaining 140 precede the crossing.
    expect(s.lowCrossRate).toBeCloseTo(50 / 140);
  });

  it('bounds "after low" by the checks before an onset, which no forecaster blind to onsets can tell from calm', () => {
    // A jump with no precursor: every check before it is calm, so the bound is the base rate itself.
    expect(score([run({ calm: samples.map((_, i) => i !== 150) })]).onsetBlindLowBound).toBeCloseTo(60 / 150);
    // A ramp that began at sample 120: the 30 checks from its start on can be kept out of "low".
    expect(score([run({ calm: samples.map((_, i) => i < 120) })]).onsetBlindLowBound).toBeCloseTo(30 / 120);
    // A periodic event's start is known in advance: nothing is unforeseeable.
    expect(score([run({ calm: samples.map((_, i) => i !== 150), periodic: true })]).onsetBlindLowBound).toBe(0);
    // Without calm flags every sample belongs to an event.
    expect(score([run()]).onsetBlindLowBound).toBe(0);
  });
});
