/** Bodies of the remediation and approval endpoints (SPEC §7). */
import { z } from 'zod';
import { REMEDIATION_STATUSES } from '@/db/schema';
import { componentNameSchema } from './sample';

/** A Render service id, as the restart and rollback bodies take it. */
export const serviceIdSchema = z
  .string({ error: 'must be a string' })
  .regex(/^srv-[a-z0-9]+$/, 'must be a Render service id like srv-abc123');

// Each action's own body schema lives in its registry module (lib/remediation/actions/).

const reason = z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters');

export const approveSchema = z.strictObject({ reason: reason.optional() });
export const rejectSchema = z.strictObject({ reason: reason.min(1, 'a rejection needs a reason') });

export const remediationIdSchema = z.uuid({ error: 'must be a remediation id (UUID)' });

/** Query of GET /api/v1/remediations: `?component=x&status=pending_approval,failed&limit=50`. */
export const remediationListQuerySchema = z.strictObject({
  component: componentNameSchema.optional(),
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REMEDIATION_STATUSES, { error: `must be among ${REMEDIATION_STATUSES.join(', ')}` })))
    .optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be ≥ 1').max(500, 'must be ≤ 500').default(50),
});
