import { requestLoad } from './request-load';
import { detectMemoryLeak } from './leak';
import { isHealingTrigger, predictFailure } from './prediction';
import { findBreaches, healthScore, warningMessages } from './score';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { healthTrend } from './trend';
import { DEFAULT_HEALING_TRIGGERS, triggerMessages } from './triggers';
import { METRICS, type HealingTriggers, type HealthAssessment, type MetricSample, type Thresholds } from './types';

export interface AssessHealthInput {
  /** The sample being assessed (the "current" check). */
  sample: MetricSample;
  /** Chronological earlier samples of the component; may or may not already end with `sample`. */
  history?: readonly MetricSample[];
  /** Chronological health scores of earlier checks, without the current one. */
  previousScores?: readonly number[];
  thresholds?: Thresholds;
  triggers?: HealingTriggers;
}

function sameSample(a: MetricSample, b: MetricSample): boolean {
  return a === b || (a.timestamp.getTime() === b.timestamp.getTime() && METRICS.every((m) => a[m] === b[m]));
}

/** The whole health check of SPEC §1 for one sample (card: monitor_proactive_health). */
export function assessHealth(input: AssessHealthInput): HealthAssessment {
  const { sample, previousScores = [], thresholds = DEFAULT_THRESHOLDS, triggers = DEFAULT_HEALING_TRIGGERS } = input;
  const given = input.history ?? [];
  const last = given.at(-1);
  // Callers differ on whether the stored history already holds the current sample.
  const history = last && sameSample(last, sample) ? given : [...given, sample];

  const breaches = findBreaches(sample, thresholds);
  const health_score = Math.round(healthScore(breaches) * 10) / 10;
  const memory_leak = detectMemoryLeak(history);
  const failure_prediction = predictFailure(history, thresholds, memory_leak);

  const healing_triggers = triggerMessages(sample, triggers);
  if (isHealingTrigger(failure_prediction)) {
    healing_triggers.push(`Failure predicted within 1 hour (${failure_prediction.metric ?? 'unknown metric'})`);
  }

  return {
    health_score,
    trend: healthTrend([...previousScores, health_score]),
    warnings: warningMessages(breaches),
    failure_prediction,
    memory_leak,
    breaches,
    healing_triggers,
    request_load: requestLoad(history, sample.timestamp),
  };
}
