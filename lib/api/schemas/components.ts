/** Components as GET /components, GET|PUT /components/{name} and the overview answer them (lib/services/components.ts). */
import { PREDICTION_LEVELS, TRENDS } from '@/lib/healing/vocabulary';
import { z } from 'zod';
import { REMEDIATION_ACTIONS, REMEDIATION_POLICIES, RISKS } from '@/lib/healing/vocabulary';
import { METRICS } from '@/lib/healing/types';
import { alertViewSchema } from './alerts';
import { sourceStatusSchema } from './prometheus-sources';
import { healthReportSchema } from './health';
import { remediationParamsSchema } from './remediation';

const iso = z.iso.datetime({ offset: true });
const bounds = z.object({ warning: z.number(), critical: z.number() });

export const componentSummarySchema = z
  .object({
    name: z.string(),
    environment: z.string(),
    policy: z.enum(REMEDIATION_POLICIES),
    render_service_id: z.string().nullable(),
    max_instances: z.number().int().nullable().meta({ description: 'The most instances a scale may ask for; null: never scaled.' }),
    cleanup_url: z.string().nullable().meta({ description: 'Without userinfo and query string (both count as credentials).' }),
    cleanup_secret_set: z.boolean(),
    threshold_overrides: z.partialRecord(z.enum(METRICS), z.object({ warning: z.number().optional(), critical: z.number().optional() })),
    thresholds: z.record(z.enum(METRICS), bounds),
    created_at: iso,
    updated_at: iso,
    latest_health: healthReportSchema.nullable(),
  })
  .meta({ id: 'ComponentSummary' });

export const componentDetailSchema = componentSummarySchema
  .extend({
    sample_count: z.number().int(),
    recent_checks: z.array(
      z.object({
        checked_at: iso,
        health_score: z.number(),
        trend: z.enum(TRENDS),
        probability: z.number(),
        time_to_failure: z.string(),
        level: z.enum(PREDICTION_LEVELS),
        warnings: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'ComponentDetail' });

const openRemediationSchema = z.object({
  id: z.uuid(),
  action: z.enum(REMEDIATION_ACTIONS),
  params: remediationParamsSchema,
  action_name: z.string(),
  status: z.enum(['proposed', 'pending_approval', 'approved', 'executing']),
  risk: z.enum(RISKS),
  requested_by: z.string(),
  created_at: iso,
  expires_at: iso.nullable(),
});

export const overviewSchema = z
  .object({
    generated_at: iso,
    max_evidence_age_seconds: z.number(),
    components: z.array(
      componentSummarySchema.extend({
        pending_approvals: z.number().int(),
        console_proposal: z.object({
          recommended_action: z.string(),
          next: z
            .object({
              action: z.enum(REMEDIATION_ACTIONS),
              params: remediationParamsSchema,
              action_name: z.string(),
              reason: z.string(),
              outcome: z.enum(['approval', 'automatic', 'refused', 'unavailable', 'paused', 'snoozed']),
              until: iso.nullable(),
              why: z.string().nullable(),
            })
            .nullable(),
          open: z.array(openRemediationSchema),
        }),
        firing_alerts: z.array(alertViewSchema).meta({ description: 'Alertmanager alerts firing for it now, oldest first.' }),
      }),
    ),
    failing_sources: z
      .array(sourceStatusSchema)
      .meta({ description: 'Prometheus pulls whose last attempt failed, per source and component: their components’ health may be old.' }),
  })
  .meta({ id: 'Overview' });
