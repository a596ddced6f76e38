import { readJsonBody } from '@/lib/api/body';
import { ApiError, notFound, validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { hasRole } from '@/lib/auth/roles';
import { setHookSecret, upsertComponentConfig } from '@/db/queries/components';
import { componentDetail } from '@/lib/services/components';
import { componentConfigSchema } from '@/lib/validation/component';
import { componentNameSchema } from '@/lib/validation/sample';

function parseName(raw: string): string {
  const name = componentNameSchema.safeParse(raw);
  if (!name.success) throw validationError(name.error, 'name');
  return name.data;
}

export const GET = apiRoute<{ name: string }>({ role: 'viewer' }, async ({ params, db }) => {
  const detail = await componentDetail(db, parseName(params.name));
  if (!detail) throw notFound(`component ${params.name}`);
  return Response.json(detail);
});

/** Registers or updates a component. Changing the remediation policy is an admin setting (SPEC §6). */
export const PUT = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const name = parseName(params.name);
  const body = await readJsonBody(request);
  const config = componentConfigSchema.safeParse(body);
  if (!config.success) throw validationError(config.error);
  if (config.data.policy !== undefined && !hasRole(principal.role, 'admin')) {
    throw new ApiError(403, 'forbidden', 'policy: changing the remediation policy requires the admin role');
  }
  const { cleanup_secret: secret, ...changes } = config.data;
  const { component, created } = await upsertComponentConfig(db, name, changes, `${principal.kind}:${principal.name}`);
  if (secret !== undefined) await setHookSecret(db, component.id, secret);
  const detail = await componentDetail(db, name);
  return Response.json(detail, { status: created ? 201 : 200 });
});
