import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALING_TRIGGERS, healingTriggersFromEnv, triggerMessages } from '../../../lib/healing/triggers';
import { sampleAt } from './fixtures';

describe('healingTriggersFromEnv', () => {
  it('uses the card defaults when nothing is set', () => {
    expect(healingTriggersFromEnv({})).toEqual({ cpu_usage: 90, memory_usage: 90, error_rate: 0.05, latency_ms: 5000 });
    expect(healingTriggersFromEnv({})).toEqual(DEFAULT_HEALING_TRIGGERS);
  });

  it.each([
    ['HEAL_CPU_THRESH', '80', 'cpu_usage', 80],
    ['HEAL_MEMORY_THRESH', ' 85.5 ', 'memory_usage', 85.5],
    ['HEAL_ERROR_THRESH', '0.02', 'error_rate', 0.02],
    ['HEAL_LATENCY_THRESH', '3000', 'latency_ms', 3000],
  ] as const)('%s=%s overrides only %s', (name, raw, metric, value) => {
    expect(healingTriggersFromEnv({ [name]: raw })).toEqual({ ...DEFAULT_HEALING_TRIGGERS, [metric]: value });
  });

  it('treats a blank value as unset', () => {
    expect(healingTriggersFromEnv({ HEAL_CPU_THRESH: '' , HEAL_ERROR_THRESH: '  ' })).toEqual(DEFAULT_HEALING_TRIGGERS);
  });

  it.each([
    ['HEAL_CPU_THRESH', 'ninety'],
    ['HEAL_MEMORY_THRESH', '90%'],
    ['HEAL_ERROR_THRESH', 'NaN'],
    ['HEAL_LATENCY_THRESH', 'Infinity'],
    ['HEAL_ERROR_THRESH', '5'],
    ['HEAL_CPU_THRESH', '150'],
    ['HEAL_LATENCY_THRESH', '-1'],
  ])('throws naming %s for %s', (name, raw) => {
    expect(() => healingTriggersFromEnv({ [name]: raw })).toThrow(name);
  });
});

describe('triggerMessages', () => {
  it('lists each metric strictly above its trigger', () => {
    const sample = sampleAt(0, { cpu_usage: 90, memory_usage: 95, error_rate: 0.08, latency_ms: 6000 });
    expect(triggerMessages(sample, DEFAULT_HEALING_TRIGGERS)).toEqual([
      'memory_usage 95.0% exceeds HEAL_MEMORY_THRESH 90.0%',
      'error_rate 8.0% exceeds HEAL_ERROR_THRESH 5.0%',
      'latency_ms 6000 ms exceeds HEAL_LATENCY_THRESH 5000 ms',
    ]);
  });
});
