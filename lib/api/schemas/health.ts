/** The health dict (monitor_proactive_health) as the API answers it: lib/services/health-check.ts HealthReport. */
import { z } from 'zod';
import { METRICS } from '@/lib/healing/types';

const metric = z.enum(METRICS);

export const healthReportSchema = z
  .object({
    component: z.string(),
    checked_at: z.iso.datetime({ offset: true }),
    health_score: z.number(),
    trend: z.enum(['improving', 'stable', 'declining']),
    warnings: z.array(z.string()),
    failure_prediction: z.object({
      probability: z.number().min(0).max(1),
      time_to_failure: z.enum(['< 1 hour', '1-6 hours', '6-24 hours', '> 24 hours']),
      level: z.enum(['critical', 'high', 'medium', 'low']),
      recommended_action: z.string(),
      reasons: z.array(z.string()),
      minutes_to_failure: z.number().nullable(),
      metric: metric.nullable(),
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
    }),
  })
  .meta({ id: 'HealthReport' });
