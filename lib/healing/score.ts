import { formatValue } from './format';
import { METRICS, type Breach, type MetricSample, type Thresholds } from './types';

export const WARNING_PENALTY = 12.5;
export const CRITICAL_PENALTY = 25;

/** Strictly-above semantics: a value equal to a bound is still inside it (card: "> 70"). */
export function findBreaches(sample: MetricSample, thresholds: Thresholds): Breach[] {
  const breaches: Breach[] = [];
  for (const metric of METRICS) {
    const value = sample[metric];
    const { warning, critical } = thresholds[metric];
    if (value > critical) breaches.push({ metric, value, threshold: critical, level: 'critical' });
    else if (value > warning) breaches.push({ metric, value, threshold: warning, level: 'warning' });
  }
  return breaches;
}

export function healthScore(breaches: readonly Breach[]): number {
  const penalty = breaches.reduce(
    (sum, b) => sum + (b.level === 'critical' ? CRITICAL_PENALTY : WARNING_PENALTY),
    0,
  );
  return Math.min(100, Math.max(0, 100 - penalty));
}

/** e.g. "error_rate 8.0% is above the warning threshold of 5.0%". */
export function warningMessages(breaches: readonly Breach[]): string[] {
  return breaches.map(
    (b) =>
      `${b.metric} ${formatValue(b.metric, b.value)} is above the ${b.level} threshold of ${formatValue(b.metric, b.threshold)}`,
  );
}
