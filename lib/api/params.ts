/** Path parameters, validated like bodies: a bad one is a 400 naming it. */
import { componentNameSchema } from '@/lib/validation/sample';
import { remediationIdSchema } from '@/lib/validation/remediation';
import { validationError } from './errors';

export function componentNameParam(raw: string): string {
  const name = componentNameSchema.safeParse(raw);
  if (!name.success) throw validationError(name.error, 'name');
  return name.data;
}

export function remediationIdParam(raw: string): string {
  const id = remediationIdSchema.safeParse(raw);
  if (!id.success) throw validationError(id.error, 'id');
  return id.data;
}
