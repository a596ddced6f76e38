/**
 * What the browser may send to the remediation server actions. Built from the
 * API's own schemas (lib/validation/remediation.ts) so page and API accept
 * the same things — minus `service_id`: the page acts only on the service
 * registered for the component, which is what its confirmation dialog names.
 */
import { z } from 'zod';
import { approveSchema, cleanupSchema, rejectSchema, remediationIdSchema, restartSchema, rollbackSchema } from '@/lib/validation/remediation';
import { componentNameSchema } from '@/lib/validation/sample';

export const approveInput = approveSchema.extend({ id: remediationIdSchema });
export const rejectInput = rejectSchema.extend({ id: remediationIdSchema });

/** The requester's own words for the approver; optional, the default names the requester. */
const note = z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters').optional();
const target = { component: componentNameSchema, note };

export const restartInput = restartSchema.omit({ service_id: true }).extend(target);
export const rollbackInput = rollbackSchema.omit({ service_id: true }).extend(target);
export const cleanupInput = cleanupSchema.extend(target);
