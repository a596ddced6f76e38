/**
 * Shared vocabulary of the health engine. Everything in lib/healing is pure:
 * no I/O, no clock reads (callers pass `now`/timestamps), no framework imports.
 */
import type { RequestLoad } from './request-load';
import type { PredictionLevel, Trend } from './vocabulary';

/** The four metrics every sample carries, in display order. */
export const METRICS = ['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms'] as const;
export type MetricName = (typeof METRICS)[number];

/** One observation of a component (SPEC §1). `memory_mb` is optional resident memory. */
export interface MetricSample {
  timestamp: Date;
  cpu_usage: number;
  memory_usage: number;
  error_rate: number;
  latency_ms: number;
  memory_mb?: number | null;
  /** Requests per second the component served (optional): the request-load signal (request-load.ts). */
  request_rate?: number | null;
}

export interface Threshold {
  warning: number;
  critical: number;
}
export type Thresholds = Record<MetricName, Threshold>;
/** Per-component overrides as stored on the component: any metric, either bound. */
export type ThresholdOverrides = Partial<Record<MetricName, Partial<Threshold>>>;

/** Env-configured triggers (HEAL_*_THRESH) above which the reconciler proposes a remediation. */
export type HealingTriggers = Record<MetricName, number>;

export type BreachLevel = 'warning' | 'critical';
export interface Breach {
  metric: MetricName;
  value: number;
  threshold: number;
  level: BreachLevel;
}

// Defined with their value lists in vocabulary.ts (db/schema.ts and the API schemas read those).
export type { PredictionLevel, Trend } from './vocabulary';
export type TimeToFailure = '< 1 hour' | '1-6 hours' | '6-24 hours' | '> 24 hours';

export interface FailurePrediction {
  /**
   * The card's number, in the band of `level`: critical (0.5,1], high [0.3,0.5], medium
   * [0.1,0.3), low [0,0.1). Presented as a **risk score**: it orders predictions, but it is
   * not the observed frequency of failure — `chance_within_hour` is.
   */
  probability: number;
  /** Calibrated on the backtest: how often a crossing of critical followed within the hour at this level (levels.ts). */
  chance_within_hour: number;
  time_to_failure: TimeToFailure;
  level: PredictionLevel;
  recommended_action: string;
  /** Human-readable, each naming the metric and its projection. */
  reasons: string[];
  /** Earliest projected minutes until a metric crosses critical; 0 = already critical; null = no projection. */
  minutes_to_failure: number | null;
  /** The metric that fails first, if any. */
  metric: MetricName | null;
  /**
   * Why a critical level is critical (null below critical): the metric is already past
   * critical; the "< 1 hour" projection persisted over consecutive checks; the metric is
   * above its warning threshold and projected through critical within the hour; or a
   * detected leak (an hour-long fit) projects it. Only 'already_critical', 'persisted'
   * and 'leak' make a prediction a healing trigger (lib/healing/remediation-plan.ts).
   */
  critical_evidence?: CriticalEvidence | null;
}

export type CriticalEvidence = 'already_critical' | 'persisted' | 'warning_breach' | 'leak';

export interface LeakAnalysis {
  leak_detected: boolean;
  /** Why the verdict was reached (always set, also when no leak / too few points). */
  reason: string;
  /** Which series was analysed: resident memory when available, else memory_usage. */
  metric: 'memory_mb' | 'memory_usage' | null;
  points: number;
  /** Least-squares growth, in the metric's unit per hour. */
  growth_per_hour: number | null;
  r_squared: number | null;
  /** Fraction of consecutive steps that rise. */
  rising_fraction: number | null;
}

export interface HealthAssessment {
  health_score: number;
  trend: Trend;
  warnings: string[];
  failure_prediction: FailurePrediction;
  memory_leak: LeakAnalysis;
  breaches: Breach[];
  /** One message per metric above its HEAL_* trigger; non-empty means the reconciler should act. */
  healing_triggers: string[];
  /** Whether requests are rising (a scale, not a restart, answers CPU or latency over trigger then). */
  request_load: RequestLoad;
}
