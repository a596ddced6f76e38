/** Prometheus sources as /api/v1/prometheus-sources answers them (lib/services/prometheus-sources.ts PrometheusSourceView). */
import { z } from 'zod';
import { SOURCE_METRICS } from '@/lib/sources/queries';

const iso = z.iso.datetime({ offset: true });

// Secrets are write-only: the answer says whether one is set, never what it is.
const sourceAuthViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer'), token_set: z.boolean() }),
  z.object({ kind: z.literal('basic'), username: z.string(), password_set: z.boolean() }),
]);

/** One source's last pull for one component (lib/services/source-status.ts ComponentSourceStatus); the overview lists the failing ones. */
export const sourceStatusSchema = z.object({
  source: z.string(),
  component: z.string(),
  ok: z.boolean(),
  error: z.string().nullable().meta({ description: 'Null when ok: which metric, which query failed, why.' }),
  checkedAt: iso,
  lastSampleAt: iso.nullable(),
});

export const prometheusSourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    base_url: z.string(),
    auth: sourceAuthViewSchema,
    queries: z.object({
      cpu_usage: z.string(),
      memory_usage: z.string(),
      error_rate: z.string(),
      latency_ms: z.string(),
      memory_mb: z.string().optional(),
    }),
    components: z.array(z.string()),
    statuses: z
      .array(sourceStatusSchema)
      .meta({ description: "The last pull's result per component; empty before the first pull." }),
    created_by: z.string(),
    updated_at: iso,
  })
  .meta({ id: 'PrometheusSource' });

export const prometheusSourceListSchema = z.object({ sources: z.array(prometheusSourceSchema) });

export const testQueriesResultSchema = z
  .object({
    component: z.string(),
    results: z.array(
      z.object({
        metric: z.enum(SOURCE_METRICS),
        query: z.string().meta({ description: 'The query as run, `$component` replaced.' }),
        ok: z.boolean(),
        value: z.number().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TestQueriesResult' });
