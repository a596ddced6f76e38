/**
 * The health report: what a check answers its caller and what health_checks
 * stores in `result`, so history renders exactly what was seen. The stored
 * JSON is read back through reportOf() — the one place it is parsed — and a
 * row that does not parse (hand-edited, written by an older or foreign build)
 * is logged and counts as no report: the pages show the component without
 * one, the reconciler does not act on it, nothing crashes.
 */
import { PREDICTION_LEVELS, TRENDS } from '@/lib/healing/vocabulary';
import 'server-only';
import { z } from 'zod';
import type { HealthCheckRow } from '@/db/schema';
import { chanceWithinHour } from '@/lib/healing/levels';
import { METRICS, type HealthAssessment } from '@/lib/healing/types';
import { log } from '@/lib/log';

/** The card's health dict, plus what an SRE needs to act on it. */
export interface HealthReport extends HealthAssessment {
  component: string;
  checked_at: string;
  metrics: {
    cpu_usage: number;
    memory_usage: number;
    error_rate: number;
    latency_ms: number;
    memory_mb: number | null;
    /** Absent from reports stored before request_rate existed. */
    request_rate?: number | null;
  };
}

const metric = z.enum(METRICS);
const numberOrNull = z.number().nullable();

// Loose objects: a key this build does not know is kept, so what was seen is rendered as it was.
const failurePrediction = z
  .looseObject({
  probability: z.number(),
  // Reports stored before the calibrated chance existed: the level's chance (lib/healing/levels.ts).
  chance_within_hour: z.number().optional(),
  critical_evidence: z.enum(['already_critical', 'persisted', 'warning_breach', 'leak']).nullable().optional(),
  time_to_failure: z.enum(['< 1 hour', '1-6 hours', '6-24 hours', '> 24 hours']),
  level: z.enum(PREDICTION_LEVELS),
  recommended_action: z.string(),
  reasons: z.array(z.string()),
  minutes_to_failure: numberOrNull,
  metric: metric.nullable(),
  })
  .transform((p) => ({ ...p, chance_within_hour: p.chance_within_hour ?? chanceWithinHour(p.level) }));

// Reports stored before request_rate existed: no load known, never rising.
const NO_REQUEST_LOAD = { request_rate: null, rising: false, change: null, reason: 'no request_rate recorded' };
const requestLoad = z
  .looseObject({ request_rate: numberOrNull, rising: z.boolean(), change: numberOrNull, reason: z.string() })
  .default(NO_REQUEST_LOAD);

const memoryLeak = z.looseObject({
  leak_detected: z.boolean(),
  reason: z.string(),
  metric: z.enum(['memory_mb', 'memory_usage']).nullable(),
  points: z.number(),
  growth_per_hour: numberOrNull,
  r_squared: numberOrNull,
  rising_fraction: numberOrNull,
});

/** The stored report's shape; typed against HealthReport, so the two cannot drift apart unnoticed. */
export const healthReportSchema: z.ZodType<HealthReport> = z.looseObject({
  component: z.string(),
  checked_at: z.string(),
  health_score: z.number(),
  trend: z.enum(TRENDS),
  warnings: z.array(z.string()),
  failure_prediction: failurePrediction,
  memory_leak: memoryLeak,
  breaches: z.array(
    z.looseObject({ metric, value: z.number(), threshold: z.number(), level: z.enum(['warning', 'critical']) }),
  ),
  healing_triggers: z.array(z.string()),
  request_load: requestLoad,
  metrics: z.looseObject({
    cpu_usage: z.number(),
    memory_usage: z.number(),
    error_rate: z.number(),
    latency_ms: z.number(),
    memory_mb: numberOrNull,
    request_rate: numberOrNull.optional(),
  }),
});

// The overview reads the latest checks every few seconds: a broken row is logged once, not on every read.
const MAX_REMEMBERED = 1_000;
const logged = new Set<number>();

function logOnce(check: Pick<HealthCheckRow, 'id' | 'componentId'>, error: z.ZodError): void {
  if (logged.has(check.id)) return;
  if (logged.size >= MAX_REMEMBERED) logged.clear();
  logged.add(check.id);
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  log.warn('stored health report does not parse; treated as no report', { health_check_id: check.id, component_id: check.componentId, issues });
}

/** The check's stored report, or null (logged) when what is stored is not one. */
export function reportOf(check: Pick<HealthCheckRow, 'id' | 'componentId' | 'result'>): HealthReport | null {
  const parsed = healthReportSchema.safeParse(check.result);
  if (parsed.success) return parsed.data;
  logOnce(check, parsed.error);
  return null;
}
