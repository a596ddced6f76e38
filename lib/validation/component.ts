/** Body of PUT /api/v1/components/{name}: a partial configuration. */
import { z } from 'zod';
import { REMEDIATION_POLICIES } from '@/db/schema';
import { METRICS } from '@/lib/healing/types';
import { resolveThresholds, validateThresholds } from '@/lib/healing/thresholds';

const bound = z.number({ error: 'must be a finite number' }).min(0, 'must be ≥ 0');
const thresholdOverride = z.strictObject({ warning: bound.optional(), critical: bound.optional() });

const thresholdsSchema = z
  .strictObject(Object.fromEntries(METRICS.map((m) => [m, thresholdOverride.optional()])) as Record<
    (typeof METRICS)[number],
    z.ZodOptional<typeof thresholdOverride>
  >)
  .superRefine((overrides, ctx) => {
    // Reject combinations that leave a warning at or above its critical bound.
    for (const problem of validateThresholds(resolveThresholds(overrides))) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters');

export const componentConfigSchema = z.strictObject({
  environment: z
    .string({ error: 'must be a string' })
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be a short lowercase name such as production or staging')
    .optional(),
  thresholds: thresholdsSchema.optional(),
  policy: z.enum(REMEDIATION_POLICIES, { error: `must be one of ${REMEDIATION_POLICIES.join(', ')}` }).optional(),
  render_service_id: z
    .string({ error: 'must be a string' })
    .regex(/^srv-[a-z0-9]+$/, 'must be a Render service id like srv-abc123')
    .nullable()
    .optional(),
  cleanup_url: httpsUrl.nullable().optional(),
  /** The most instances a scale may ask for (Render allows 1 to 100); null: never scaled. Admin only. */
  max_instances: z
    .number({ error: 'must be an integer' })
    .int('must be an integer')
    .min(1, 'must be ≥ 1')
    .max(100, 'must be ≤ 100 (Render’s limit per service)')
    .nullable()
    .optional(),
  /** HMAC key the console signs cleanup-hook requests with (see lib/executors/cleanup-hook.ts). Write-only. */
  cleanup_secret: z
    .string({ error: 'must be a string' })
    .min(16, 'must be at least 16 characters')
    .max(256, 'must be at most 256 characters')
    .nullable()
    .optional(),
});
export type ComponentConfigInput = z.output<typeof componentConfigSchema>;
