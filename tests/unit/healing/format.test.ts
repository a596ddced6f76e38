import { describe, expect, it } from 'vitest';
import { formatDuration, formatLimit, formatRatePerMinute, formatValue } from '../../../lib/healing/format';
import type { MetricName } from '../../../lib/healing/types';

describe('format', () => {
  it.each<[MetricName, number, string, string]>([
    ['cpu_usage', 90, '90.0%', '90%'],
    ['memory_usage', 75.5, '75.5%', '75.5%'],
    ['error_rate', 0.1, '10.0%', '10%'],
    ['error_rate', 0.055, '5.5%', '5.5%'],
    ['latency_ms', 5000, '5000 ms', '5000 ms'],
  ])('%s %d → value %s, limit %s', (metric, v, value, limit) => {
    expect(formatValue(metric, v)).toBe(value);
    expect(formatLimit(metric, v)).toBe(limit);
  });

  it.each<[MetricName, number, string]>([
    ['memory_usage', 0.32, '+0.32%/min'],
    ['cpu_usage', 0.0417, '+0.042%/min'],
    ['cpu_usage', 2.25, '+2.3%/min'],
    ['error_rate', 0.0002, '+0.02%/min'],
    ['latency_ms', 12.5, '+12.5 ms/min'],
  ])('rate %s %d → %s', (metric, rate, text) => {
    expect(formatRatePerMinute(metric, rate)).toBe(text);
  });

  it.each([[0.4, '< 1 min'], [25.2, '~25 min'], [150, '~2.5 h'], [3000, '~2.1 days']] as const)('%d min → %s', (m, text) => {
    expect(formatDuration(m)).toBe(text);
  });
});
