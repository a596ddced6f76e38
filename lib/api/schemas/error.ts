/** The body of every error answer (lib/api/errors.ts), as the OpenAPI document shows it. */
import { z } from 'zod';

export const fieldIssueSchema = z
  .object({
    field: z.string().meta({ description: 'The field, as a path: `samples[3].cpu_usage`, `name`, `body`.' }),
    message: z.string(),
    index: z.number().int().optional().meta({ description: 'The batch item, when the field is in one.' }),
  })
  .meta({ id: 'FieldIssue' });

// Loose: refusals carry machine-readable extras (guardrail, clears_at, open_remediation, degraded_since…).
export const apiErrorSchema = z
  .looseObject({
    error: z.string().meta({ description: 'A code: validation_failed, unauthorized, forbidden, not_found, conflict, guardrail, …' }),
    message: z.string(),
    issues: z.array(fieldIssueSchema).optional(),
  })
  .meta({ id: 'Error' });
