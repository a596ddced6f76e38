import { formatValue } from './format';
import { METRIC_RANGES } from './thresholds';
import { METRICS, type HealingTriggers, type MetricName, type MetricSample } from './types';

/** Defaults from the reference card's environment section. */
export const DEFAULT_HEALING_TRIGGERS: HealingTriggers = {
  cpu_usage: 90,
  memory_usage: 90,
  error_rate: 0.05,
  latency_ms: 5000,
};

export const HEALING_TRIGGER_ENV: Record<MetricName, string> = {
  cpu_usage: 'HEAL_CPU_THRESH',
  memory_usage: 'HEAL_MEMORY_THRESH',
  error_rate: 'HEAL_ERROR_THRESH',
  latency_ms: 'HEAL_LATENCY_THRESH',
};

/**
 * Reads HEAL_*_THRESH from the given env. Unset or blank falls back to the default;
 * anything unparsable or out of range throws naming the variable, because a silently
 * ignored trigger means remediation that never fires (e.g. HEAL_ERROR_THRESH=5 meant
 * as 5% would be a fraction no error rate can exceed).
 */
export function healingTriggersFromEnv(env: Record<string, string | undefined>): HealingTriggers {
  const triggers = { ...DEFAULT_HEALING_TRIGGERS };
  for (const metric of METRICS) {
    const name = HEALING_TRIGGER_ENV[metric];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      throw new Error(`${name} must be a number, got "${raw}"`);
    }
    const { min, max, unit } = METRIC_RANGES[metric];
    if (value < min || value > max) {
      const range = Number.isFinite(max) ? `between ${min} and ${max}` : `at least ${min}`;
      throw new Error(`${name} must be ${range} (${unit}), got ${raw}`);
    }
    triggers[metric] = value;
  }
  return triggers;
}

/** One message per metric strictly above its trigger, e.g. "error_rate 8.0% exceeds HEAL_ERROR_THRESH 5.0%". */
export function triggerMessages(sample: MetricSample, triggers: HealingTriggers): string[] {
  return METRICS.filter((metric) => sample[metric] > triggers[metric]).map(
    (metric) =>
      `${metric} ${formatValue(metric, sample[metric])} exceeds ${HEALING_TRIGGER_ENV[metric]} ${formatValue(metric, triggers[metric])}`,
  );
}
