import { METRICS, type MetricName, type Threshold, type ThresholdOverrides, type Thresholds } from './types';

/** Defaults from the reference card; a sample breaches a bound only when strictly above it. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu_usage: { warning: 70, critical: 90 },
  memory_usage: { warning: 75, critical: 90 },
  error_rate: { warning: 0.05, critical: 0.1 },
  latency_ms: { warning: 2000, critical: 5000 },
};

/** Physical range of each metric (SPEC §1); also bounds what a threshold may sensibly be. */
export const METRIC_RANGES: Record<MetricName, { min: number; max: number; unit: string }> = {
  cpu_usage: { min: 0, max: 100, unit: 'percent' },
  memory_usage: { min: 0, max: 100, unit: 'percent' },
  error_rate: { min: 0, max: 1, unit: 'fraction' },
  latency_ms: { min: 0, max: Number.POSITIVE_INFINITY, unit: 'milliseconds' },
};

/**
 * Overrides are merged per bound, so overriding only `cpu_usage.critical` keeps the
 * default cpu warning. Non-numeric entries (e.g. null from JSON) are ignored rather than
 * wiping a default.
 */
export function resolveThresholds(overrides?: ThresholdOverrides | null): Thresholds {
  const pick = (override: number | undefined, fallback: number): number =>
    typeof override === 'number' ? override : fallback;
  const resolved = {} as Thresholds;
  for (const metric of METRICS) {
    const base = DEFAULT_THRESHOLDS[metric];
    const over: Partial<Threshold> = overrides?.[metric] ?? {};
    resolved[metric] = { warning: pick(over.warning, base.warning), critical: pick(over.critical, base.critical) };
  }
  return resolved;
}

/** Problems with a threshold set, one message each; empty means usable. */
export function validateThresholds(t: Thresholds): string[] {
  const problems: string[] = [];
  for (const metric of METRICS) {
    const { warning, critical } = t[metric];
    const { min, max } = METRIC_RANGES[metric];
    let boundsOk = true;
    for (const [name, value] of [['warning', warning], ['critical', critical]] as const) {
      if (!Number.isFinite(value)) {
        problems.push(`${metric}: ${name} must be a finite number`);
        boundsOk = false;
      } else if (value < min || value > max) {
        problems.push(`${metric}: ${name} (${value}) must be between ${min} and ${max}`);
        boundsOk = false;
      }
    }
    // Equal bounds would leave no warning band, so the warning level could never fire.
    if (boundsOk && warning >= critical) {
      problems.push(`${metric}: warning (${warning}) must be below critical (${critical})`);
    }
  }
  return problems;
}
