import { notFound } from '@/lib/api/errors';
import { componentNameParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { componentDetailSchema } from '@/lib/api/schemas/components';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { hasRole } from '@/lib/auth/roles';
import { configureComponent } from '@/lib/services/component-config';
import { componentDetail } from '@/lib/services/components';
import { componentConfigSchema } from '@/lib/validation/component';

export const GET = apiRoute(
  {
    operationId: 'get_component',
    summary: 'One component',
    description: 'Its configuration, latest health, recent checks and sample count.',
    tag: 'Components',
    role: 'viewer',
    params: componentNameParams,
    responses: {
      200: { description: 'The component.', schema: componentDetailSchema },
      404: { description: 'Unknown component.', schema: apiErrorSchema },
    },
  },
  async ({ params, db }) => {
    const detail = await componentDetail(db, params.name);
    if (!detail) throw notFound(`component ${params.name}`);
    return Response.json(detail);
  },
);

/**
 * Registers or updates a component. Operators register components and tune
 * thresholds; the routing and authentication fields are an admin's, and
 * re-sending what GET shows keeps what it hides (lib/services/component-config.ts).
 */
export const PUT = apiRoute(
  {
    operationId: 'configure_component',
    summary: 'Register or update a component',
    description:
      'Fields left out keep their value; null clears. Setting environment, policy, render_service_id or cleanup_url to a new value, or sending cleanup_secret at all, needs the admin role (403 naming the fields otherwise).',
    tag: 'Components',
    role: 'operator',
    params: componentNameParams,
    body: { schema: componentConfigSchema },
    responses: {
      200: { description: 'Updated.', schema: componentDetailSchema },
      201: { description: 'Registered.', schema: componentDetailSchema },
      422: { description: 'Registering it would pass MAX_COMPONENTS.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db, principal }) => {
    const { created } = await configureComponent(db, params.name, body, {
      by: `${principal.kind}:${principal.name}`,
      admin: hasRole(principal.role, 'admin'),
    });
    const detail = await componentDetail(db, params.name);
    return Response.json(detail, { status: created ? 201 : 200 });
  },
);
