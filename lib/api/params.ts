/** Path parameters, validated like bodies by the route wrapper: a bad one is a 400 naming it. */
import { z } from 'zod';
import { componentNameSchema } from '@/lib/validation/sample';
import { remediationIdSchema } from '@/lib/validation/remediation';

export const componentNameParams = z.object({ name: componentNameSchema.meta({ description: 'Component name', example: 'checkout-api' }) });

export const remediationIdParams = z.object({ id: remediationIdSchema.meta({ description: 'Remediation id' }) });

// Any string: an id that is not a UUID is simply not found (404), as before the document existed.
export const sourceIdParams = z.object({ id: z.string().meta({ description: 'Prometheus source id (UUID)' }) });
