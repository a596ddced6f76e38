import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../../lib/healing/assess';
import { resolveThresholds } from '../../../lib/healing/thresholds';
import { healingTriggersFromEnv } from '../../../lib/healing/triggers';
import { sampleAt, series } from './fixtures';

const CARD = sampleAt(0, { cpu_usage: 85, memory_usage: 88, error_rate: 0.08, latency_ms: 3500 });

describe('assessHealth', () => {
  it('reproduces the card example', () => {
    const a = assessHealth({ sample: CARD });
    expect(a.health_score).toBe(50);
    expect(a.warnings).toHaveLength(4);
    expect(a.trend).toBe('stable');
    expect(a.healing_triggers).toEqual(['error_rate 8.0% exceeds HEAL_ERROR_THRESH 5.0%']);
    expect(a.failure_prediction.level).toBe('low');
    expect(a.memory_leak).toMatchObject({ leak_detected: false, points: 1 });
  });

  it.each([
    ['declining', [100, 87.5, 75, 62.5]],
    ['improving', [0, 12.5, 25, 37.5]],
    ['stable', [50, 50, 50]],
  ])('appends the current score before the trend: %s', (trend, previousScores) => {
    expect(assessHealth({ sample: CARD, previousScores }).trend).toBe(trend);
  });

  it('does not count the sample twice when history already ends with it', () => {
    const history = series(12, 60, (i) => ({ memory_mb: 500 + i }));
    const last = history.at(-1)!;
    expect(assessHealth({ sample: last, history }).memory_leak.points).toBe(12);
    expect(assessHealth({ sample: { ...last }, history }).memory_leak.points).toBe(12);
    expect(assessHealth({ sample: last, history: history.slice(0, -1) }).memory_leak.points).toBe(12);
  });

  it('adds a trigger when failure is predicted within the hour', () => {
    const history = series(60, 30, (i) => ({ memory_usage: 70 + 0.25 * i }));
    const a = assessHealth({ sample: history.at(-1)!, history });
    expect(a.failure_prediction.level).toBe('critical');
    expect(a.healing_triggers).toEqual(['Failure predicted within 1 hour (memory_usage)']);
  });

  it('uses the given thresholds and triggers', () => {
    const a = assessHealth({
      sample: CARD,
      thresholds: resolveThresholds({ cpu_usage: { critical: 80 } }),
      triggers: healingTriggersFromEnv({ HEAL_CPU_THRESH: '80', HEAL_ERROR_THRESH: '0.1' }),
    });
    expect(a.health_score).toBe(37.5);
    expect(a.breaches.find((b) => b.metric === 'cpu_usage')?.level).toBe('critical');
    expect(a.healing_triggers).toEqual(['cpu_usage 85.0% exceeds HEAL_CPU_THRESH 80.0%', 'Failure predicted within 1 hour (cpu_usage)']);
  });
});
