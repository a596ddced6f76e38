import { readJsonBody } from '@/lib/api/body';
import { ApiError, notFound, validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { hasRole } from '@/lib/auth/roles';
import { setHookSecret, upsertComponentConfig } from '@/db/queries/components';
import type { ComponentConfig } from '@/db/schema';
import { routingChanges } from '@/lib/healing/risk';
import { componentDetail } from '@/lib/services/components';
import { assertCleanupUrlAllowed } from '@/lib/services/hook-addresses';
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

/**
 * Registers or updates a component. Operators register components and tune
 * thresholds; the routing fields (environment, policy, Render service, cleanup
 * hook) decide what an action hits and whether it needs an approver, so setting
 * them to anything new is an admin's decision (SPEC §4, §6). Re-sending the
 * current values is allowed, so a deploy pipeline can PUT its whole config.
 */
export const PUT = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const name = parseName(params.name);
  const body = await readJsonBody(request);
  const config = componentConfigSchema.safeParse(body);
  if (!config.success) throw validationError(config.error);
  await assertCleanupUrlAllowed(db, config.data.cleanup_url);
  const { cleanup_secret: secret, ...changes } = config.data;
  const admin = hasRole(principal.role, 'admin');
  const refuseRoutingChanges = (current: ComponentConfig | null) => {
    const fields = routingChanges(current, changes);
    if (admin || fields.length === 0) return;
    throw new ApiError(
      403,
      'forbidden',
      `${fields.join(', ')}: changing where remediations act or how risky they are requires the admin role`,
      fields.map((field) => ({ field, message: 'requires the admin role to change' })),
    );
  };
  // One transaction: the configuration and the hook secret are stored together or not at all.
  const { created } = await db.transaction(async (tx) => {
    const result = await upsertComponentConfig(tx, name, changes, `${principal.kind}:${principal.name}`, refuseRoutingChanges);
    if (secret !== undefined) await setHookSecret(tx, result.component.id, secret);
    return result;
  });
  const detail = await componentDetail(db, name);
  return Response.json(detail, { status: created ? 201 : 200 });
});
