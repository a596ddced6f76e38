import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { prometheusSourceListSchema, prometheusSourceSchema as sourceViewSchema } from '@/lib/api/schemas/prometheus-sources';
import { createSource, listSourceViews, sourceView } from '@/lib/services/prometheus-sources';
import { prometheusSourceSchema } from '@/lib/validation/prometheus-source';

/** Prometheus sources (admin only: they hold credentials and decide what the console pulls). */
export const GET = apiRoute(
  {
    operationId: 'list_prometheus_sources',
    summary: 'List Prometheus sources',
    description: 'Secrets are never shown: `auth` says whether a token or password is set.',
    tag: 'Monitoring',
    role: 'admin',
    responses: { 200: { description: 'Every source, with its last pull status per component.', schema: prometheusSourceListSchema } },
  },
  async ({ db }) => Response.json({ sources: await listSourceViews(db) }),
);

export const POST = apiRoute(
  {
    operationId: 'create_prometheus_source',
    summary: 'Add a Prometheus source',
    description:
      'The console pulls `queries` (PromQL, `$component` replaced by each name) for each of `components`. Credentials go in `auth`, never in `base_url`; `base_url` must pass the outbound address policy.',
    tag: 'Monitoring',
    role: 'admin',
    body: { schema: prometheusSourceSchema },
    responses: {
      201: { description: 'Stored.', schema: sourceViewSchema },
      409: { description: 'A source of that name exists (`issues` names `name`).', schema: apiErrorSchema },
    },
  },
  async ({ body, db, principal }) => {
    const source = await createSource(db, body, { id: principal.userId, email: principal.name });
    return Response.json(await sourceView(db, source), { status: 201 });
  },
);
