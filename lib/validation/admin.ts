/**
 * Inputs of the admin server actions (app/(console)/admin/actions.ts). Each message is
 * read after the field name ("email: must be an email address").
 */
import { z } from 'zod';
import { REMEDIATION_POLICIES, ROLES } from '@/db/schema';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { parseAllowedRanges } from '@/lib/executors/http/address-policy';
import { LABEL_NAME_PATTERN, MAX_ROUTING_ENTRIES } from '@/lib/alerts/routing';
import { componentNameSchema } from './sample';

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const id = z.uuid({ error: 'must be an id from this page' });

export const createUserInput = z.strictObject({
  email: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .pipe(z.email({ error: 'must be an email address' }).max(320, 'must be at most 320 characters')),
  // An empty name field means "no name".
  name: z
    .string({ error: 'must be text' })
    .trim()
    .max(200, 'must be at most 200 characters')
    .optional()
    .transform((v) => v || undefined),
  role,
  password: z
    .string({ error: 'is required' })
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'must be at most 1024 characters'),
});

export const setUserRoleInput = z.strictObject({ userId: id, role });

export const setUserDisabledInput = z.strictObject({
  userId: id,
  disabled: z.boolean({ error: 'must be true or false' }),
});

export const createTokenInput = z.strictObject({
  name: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/, 'must be 1–64 letters, digits, spaces, dots, dashes or underscores'),
  role,
});

export const revokeTokenInput = z.strictObject({ tokenId: id });

export const setPolicyInput = z.strictObject({
  component: componentNameSchema,
  policy: z.enum(REMEDIATION_POLICIES, { error: `must be one of ${REMEDIATION_POLICIES.join(', ')}` }),
});

export const setPauseInput = z.strictObject({ paused: z.boolean({ error: 'must be true or false' }) });

/** Internal ranges cleanup hooks may be called on: CIDRs separated by commas, spaces or lines (normalised, deduplicated). */
export const setHookRangesInput = z.strictObject({
  ranges: z
    .string({ error: 'must be text' })
    .max(4000, 'must be at most 4000 characters')
    .transform((text, ctx) => {
      const entries = text.split(/[\s,]+/).filter(Boolean);
      const parsed = parseAllowedRanges(entries);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return [...new Set(parsed.ranges.map((r) => r.text))];
    }),
});

/** A comma- or space-separated list typed in a text field, each entry checked by `entry`. */
const listField = (entry: (value: string) => string | null, { min }: { min: number }) =>
  z
    .string({ error: 'must be text' })
    .max(1000, 'must be at most 1000 characters')
    .transform((text, ctx) => {
      const entries = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
      const bad = entries.map(entry).find((m) => m !== null);
      if (bad) ctx.addIssue({ code: 'custom', message: bad });
      else if (entries.length < min) ctx.addIssue({ code: 'custom', message: `must list at least ${min}` });
      else if (entries.length > MAX_ROUTING_ENTRIES) ctx.addIssue({ code: 'custom', message: `must list at most ${MAX_ROUTING_ENTRIES}` });
      else return entries;
      return z.NEVER;
    });

export const setAlertRoutingInput = z.strictObject({
  component_labels: listField((v) => (LABEL_NAME_PATTERN.test(v) ? null : `"${v}" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)`), { min: 1 }),
  // Empty: no alert is a healing trigger (they are still stored and shown).
  healing_severities: listField((v) => (v.length <= 64 ? null : 'each severity must be at most 64 characters'), { min: 0 }),
});
