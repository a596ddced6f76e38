import { sourceIdParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { prometheusSourceSchema as sourceViewSchema } from '@/lib/api/schemas/prometheus-sources';
import { removeSource, requireSource, sourceView, updateSource } from '@/lib/services/prometheus-sources';
import { prometheusSourceSchema } from '@/lib/validation/prometheus-source';

const notFound = { description: 'No such source.', schema: apiErrorSchema };

export const GET = apiRoute(
  {
    operationId: 'get_prometheus_source',
    summary: 'One Prometheus source',
    tag: 'Monitoring',
    role: 'admin',
    params: sourceIdParams,
    responses: { 200: { description: 'The source (secrets never shown).', schema: sourceViewSchema }, 404: notFound },
  },
  async ({ params, db }) => Response.json(await sourceView(db, await requireSource(db, params.id))),
);

/** Replaces the definition; a secret left out keeps the stored one (it is never shown). */
export const PUT = apiRoute(
  {
    operationId: 'update_prometheus_source',
    summary: 'Replace a Prometheus source',
    description: 'The whole definition; `auth.token` / `auth.password` left out keeps the stored secret when `auth.kind` is unchanged.',
    tag: 'Monitoring',
    role: 'admin',
    params: sourceIdParams,
    body: { schema: prometheusSourceSchema },
    responses: {
      200: { description: 'Stored.', schema: sourceViewSchema },
      404: notFound,
      409: { description: 'Another source has that name.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db, principal }) => {
    const source = await updateSource(db, params.id, body, { id: principal.userId, email: principal.name });
    return Response.json(await sourceView(db, source));
  },
);

export const DELETE = apiRoute(
  {
    operationId: 'delete_prometheus_source',
    summary: 'Remove a Prometheus source',
    description: 'The console stops pulling it; samples already stored stay.',
    tag: 'Monitoring',
    role: 'admin',
    params: sourceIdParams,
    responses: { 204: { description: 'Removed.' }, 404: notFound },
  },
  async ({ params, db, principal }) => {
    await removeSource(db, params.id, { id: principal.userId, email: principal.name });
    return new Response(null, { status: 204 });
  },
);
