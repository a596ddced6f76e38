import { readJsonBody } from '@/lib/api/body';
import { notFound, validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { hasRole } from '@/lib/auth/roles';
import { configureComponent } from '@/lib/services/component-config';
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

/**
 * Registers or updates a component. Operators register components and tune
 * thresholds; the routing and authentication fields are an admin's, and
 * re-sending what GET shows keeps what it hides (lib/services/component-config.ts).
 */
export const PUT = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const name = parseName(params.name);
  const body = await readJsonBody(request);
  const config = componentConfigSchema.safeParse(body);
  if (!config.success) throw validationError(config.error);
  const { created } = await configureComponent(db, name, config.data, {
    by: `${principal.kind}:${principal.name}`,
    admin: hasRole(principal.role, 'admin'),
  });
  const detail = await componentDetail(db, name);
  return Response.json(detail, { status: created ? 201 : 200 });
});
