/** The Alertmanager receiver's answer (lib/services/alerts.ts ReceiveResult). */
import { z } from 'zod';

export const alertDeliveryResultSchema = z
  .object({
    received: z.number().int(),
    firing: z.number().int().meta({ description: 'Firing alerts stored for the first time.' }),
    resolved: z.number().int().meta({ description: 'Stored firing alerts closed by this delivery (or resolved ones first seen resolved).' }),
    unchanged: z.number().int().meta({ description: 'Re-deliveries: nothing new.' }),
    unmatched: z
      .array(
        z.object({
          index: z.number().int(),
          alertname: z.string(),
          fingerprint: z.string(),
          label: z.string().nullable().meta({ description: 'The label that named a component, or null when the alert carries none of them.' }),
          value: z.string().nullable(),
        }),
      )
      .meta({ description: 'Alerts naming no registered component: stored, but they trigger nothing.' }),
    component_labels: z.array(z.string()).meta({ description: "The labels read, in order, to find each alert's component." }),
  })
  .meta({ id: 'AlertDeliveryResult' });

/** An Alertmanager alert as the overview shows it (lib/services/alerts.ts AlertView). */
export const alertViewSchema = z
  .object({
    alertname: z.string(),
    status: z.enum(['firing', 'resolved']),
    severity: z.string().nullable(),
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }).nullable(),
    healing: z.boolean().meta({ description: "Whether it is (while firing) a healing trigger under the admin's severities." }),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    generator_url: z.string().nullable(),
    fingerprint: z.string(),
  })
  .meta({ id: 'Alert' });
