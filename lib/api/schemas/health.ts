/** The health dict (monitor_proactive_health) as the API answers it: lib/services/health-check.ts HealthReport. */
import { PREDICTION_LEVELS, TRENDS } from '@/lib/healing/vocabulary';
import { z } from 'zod';
import { METRICS } from '@/lib/healing/types';

const metric = z.enum(METRICS);

export const healthReportSchema = z
  .object({
    component: z.string(),
    checked_at: z.iso.datetime({ offset: true }),
    health_score: z.number(),
    trend: z.enum(TRENDS),
    warnings: z.array(z.string()),
    failure_prediction: z.object({
      probability: z.number().min(0).max(1).meta({ description: 'A risk score in the band of `level`: it orders predictions; `chance_within_hour` is the observed frequency.' }),
      chance_within_hour: z.number().min(0).max(1).meta({ description: 'How often a crossing of critical followed within the hour at this level, on the backtest.' }),
      time_to_failure: z.enum(['< 1 hour', '1-6 hours', '6-24 hours', '> 24 hours']),
      level: z.enum(PREDICTION_LEVELS),
      recommended_action: z.string(),
      reasons: z.array(z.string()),
      minutes_to_failure: z.number().nullable(),
      metric: metric.nullable(),
      critical_evidence: z.enum(['already_critical', 'persisted', 'warning_breach', 'leak']).nullable().optional().meta({ description: 'Why a critical level is critical; null below critical.' }),
    }),
    memory_leak: z.object({
      leak_detected: z.boolean(),
      reason: z.string(),
      metric: z.enum(['memory_mb', 'memory_usage']).nullable(),
      points: z.number().int(),
      growth_per_hour: z.number().nullable(),
      r_squared: z.number().nullable(),
      rising_fraction: z.number().nullable(),
    }),
    breaches: z.array(z.object({ metric, value: z.number(), threshold: z.number(), level: z.enum(['warning', 'critical']) })),
    healing_triggers: z.array(z.string()).meta({ description: 'One message per metric above its HEAL_* trigger; non-empty means the reconciler acts.' }),
    metrics: z.object({
      cpu_usage: z.number(),
      memory_usage: z.number(),
      error_rate: z.number(),
      latency_ms: z.number(),
      memory_mb: z.number().nullable(),
      request_rate: z.number().nullable().optional().meta({ description: 'Absent from reports stored before request_rate existed.' }),
    }),
    request_load: z
      .object({ request_rate: z.number().nullable(), rising: z.boolean(), change: z.number().nullable(), reason: z.string() })
      .optional()
      .meta({ description: 'Whether requests are rising (then a scale, not a restart, answers CPU or latency over trigger). Absent from reports stored before it existed.' }),
  })
  .meta({ id: 'HealthReport' });
