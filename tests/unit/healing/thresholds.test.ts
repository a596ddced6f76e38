import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds, validateThresholds } from '../../../lib/healing/thresholds';
import type { Thresholds, ThresholdOverrides } from '../../../lib/healing/types';

describe('DEFAULT_THRESHOLDS', () => {
  it('matches the card', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      cpu_usage: { warning: 70, critical: 90 },
      memory_usage: { warning: 75, critical: 90 },
      error_rate: { warning: 0.05, critical: 0.1 },
      latency_ms: { warning: 2000, critical: 5000 },
    });
  });
});

describe('resolveThresholds', () => {
  it.each([undefined, null, {}])('with %s overrides returns the defaults', (overrides) => {
    expect(resolveThresholds(overrides)).toEqual(DEFAULT_THRESHOLDS);
  });

  it.each<[string, ThresholdOverrides, Partial<Thresholds>]>([
    ['only cpu critical', { cpu_usage: { critical: 95 } }, { cpu_usage: { warning: 70, critical: 95 } }],
    ['only memory warning', { memory_usage: { warning: 80 } }, { memory_usage: { warning: 80, critical: 90 } }],
    ['both latency bounds', { latency_ms: { warning: 1000, critical: 3000 } }, { latency_ms: { warning: 1000, critical: 3000 } }],
    ['error warning and cpu warning', { error_rate: { warning: 0.02 }, cpu_usage: { warning: 60 } }, { error_rate: { warning: 0.02, critical: 0.1 }, cpu_usage: { warning: 60, critical: 90 } }],
  ])('merges %s', (_label, overrides, changed) => {
    expect(resolveThresholds(overrides)).toEqual({ ...DEFAULT_THRESHOLDS, ...changed });
  });

  it('ignores null bounds from JSON instead of wiping the default', () => {
    const overrides = { cpu_usage: { warning: null } } as unknown as ThresholdOverrides;
    expect(resolveThresholds(overrides).cpu_usage).toEqual({ warning: 70, critical: 90 });
  });

  it('returns a fresh object, so callers cannot mutate the defaults', () => {
    const t = resolveThresholds();
    t.cpu_usage.warning = 1;
    expect(DEFAULT_THRESHOLDS.cpu_usage.warning).toBe(70);
  });
});

describe('validateThresholds', () => {
  it('accepts the defaults', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
  });
  it.each<[string, ThresholdOverrides, string]>([
    ['warning above critical', { cpu_usage: { warning: 95 } }, 'cpu_usage: warning (95) must be below critical (90)'],
    ['warning equal to critical', { memory_usage: { warning: 90 } }, 'memory_usage: warning (90) must be below critical (90)'],
    ['error_rate given in percent', { error_rate: { critical: 10 } }, 'error_rate: critical (10) must be between 0 and 1'],
    ['negative latency', { latency_ms: { warning: -1 } }, 'latency_ms: warning (-1) must be between 0 and Infinity'],
    ['NaN', { cpu_usage: { critical: Number.NaN } }, 'cpu_usage: critical must be a finite number'],
  ])('reports %s', (_label, overrides, problem) => {
    expect(validateThresholds(resolveThresholds(overrides))).toEqual([problem]);
  });
});
