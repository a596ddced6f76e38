import { describe, expect, it } from 'vitest';
import { findBreaches, healthScore, warningMessages } from '../../../lib/healing/score';
import { DEFAULT_THRESHOLDS } from '../../../lib/healing/thresholds';
import type { MetricName } from '../../../lib/healing/types';
import { sampleAt } from './fixtures';

const CARD = sampleAt(0, { cpu_usage: 85, memory_usage: 88, error_rate: 0.08, latency_ms: 3500 });

describe('card example', () => {
  const breaches = findBreaches(CARD, DEFAULT_THRESHOLDS);
  it('scores 50.0 with four warnings', () => {
    expect(healthScore(breaches)).toBe(50);
    expect(breaches.map((b) => b.level)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
  it.each([
    ['cpu_usage', 'cpu_usage 85.0% is above the warning threshold of 70.0%'],
    ['memory_usage', 'memory_usage 88.0% is above the warning threshold of 75.0%'],
    ['error_rate', 'error_rate 8.0% is above the warning threshold of 5.0%'],
    ['latency_ms', 'latency_ms 3500 ms is above the warning threshold of 2000 ms'],
  ])('names %s in its warning', (metric, message) => {
    const messages = warningMessages(breaches);
    expect(messages).toHaveLength(4);
    expect(messages).toContain(message);
    expect(messages.filter((m) => m.startsWith(`${metric} `))).toHaveLength(1);
  });
});

describe('threshold edges are strictly-greater-than', () => {
  const edges: [MetricName, number][] = [
    ['cpu_usage', 0.01],
    ['memory_usage', 0.01],
    ['error_rate', 0.0001],
    ['latency_ms', 0.01],
  ];
  const cases = edges.flatMap(([metric, eps]) => {
    const { warning, critical } = DEFAULT_THRESHOLDS[metric];
    return [
      [metric, 'at warning', warning, null],
      [metric, 'warning + ε', warning + eps, 'warning'],
      [metric, 'at critical', critical, 'warning'],
      [metric, 'critical + ε', critical + eps, 'critical'],
    ] as const;
  });
  it.each(cases)('%s %s (%d) → %s', (metric, _label, value, level) => {
    const breaches = findBreaches(sampleAt(0, { [metric]: value }), DEFAULT_THRESHOLDS);
    expect(breaches.map((b) => b.level)).toEqual(level === null ? [] : [level]);
    if (level !== null) {
      expect(breaches[0]).toMatchObject({ metric, value, threshold: DEFAULT_THRESHOLDS[metric][level] });
    }
  });
});

describe('healthScore', () => {
  it.each([
    ['healthy', { }, 100],
    ['one critical', { cpu_usage: 95 }, 75],
    ['one warning + one critical', { cpu_usage: 80, latency_ms: 6000 }, 62.5],
    ['two criticals + two warnings', { cpu_usage: 95, memory_usage: 95, error_rate: 0.06, latency_ms: 2500 }, 25],
    ['four criticals clamps at 0', { cpu_usage: 99, memory_usage: 99, error_rate: 0.5, latency_ms: 9000 }, 0],
  ])('%s → %d', (_label, values, expected) => {
    expect(healthScore(findBreaches(sampleAt(0, values), DEFAULT_THRESHOLDS))).toBe(expected);
  });

  it('clamps a penalty beyond 100 to 0', () => {
    const many = Array.from({ length: 6 }, () => ({ metric: 'cpu_usage' as const, value: 99, threshold: 90, level: 'critical' as const }));
    expect(healthScore(many)).toBe(0);
  });

  it('formats critical messages with units', () => {
    const breaches = findBreaches(sampleAt(0, { cpu_usage: 95, error_rate: 0.12, latency_ms: 6000 }), DEFAULT_THRESHOLDS);
    expect(warningMessages(breaches)).toEqual([
      'cpu_usage 95.0% is above the critical threshold of 90.0%',
      'error_rate 12.0% is above the critical threshold of 10.0%',
      'latency_ms 6000 ms is above the critical threshold of 5000 ms',
    ]);
  });
});
