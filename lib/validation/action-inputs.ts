/**
 * What the browser may send to the remediation server actions. A request is
 * built from the registry: each action's own params schema minus `service_id`
 * (the page acts only on the service registered for the component, which is
 * what its confirmation dialog names), so page and API accept the same things.
 */
import 'server-only';
import { z } from 'zod';
import { ACTION_LIST } from '@/lib/remediation/actions';
import { REMEDIATION_ACTIONS } from '@/lib/healing/vocabulary';
import { approveSchema, rejectSchema, remediationIdSchema } from '@/lib/validation/remediation';
import { componentNameSchema } from '@/lib/validation/sample';

export const approveInput = approveSchema.extend({ id: remediationIdSchema });
export const rejectInput = rejectSchema.extend({ id: remediationIdSchema });

/** The requester's own words for the approver; optional, the default names the requester. */
const note = z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters').optional();

/** `{ action, component, params, note? }`: the action picks the params schema. */
export const actionRequestInput = z
  .object({
    action: z.enum(REMEDIATION_ACTIONS, { error: `must be one of ${REMEDIATION_ACTIONS.join(', ')}` }),
    component: componentNameSchema,
    params: z.unknown().optional(),
    note,
  })
  .strict()
  .transform((input, ctx) => {
    const definition = ACTION_LIST.find((d) => d.name === input.action)!;
    const parsed = definition.browserParamsSchema.safeParse(input.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
      return z.NEVER;
    }
    return { ...input, params: definition.toParams(parsed.data) };
  });
