import { z } from 'zod';
import { componentPageData } from '@/lib/services/component-page';
import { notFound } from '@/lib/api/errors';
import { componentNameParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { CHART_RANGES, DEFAULT_CHART_RANGE } from '@/lib/dashboard/durations';

const querySchema = z.object({
  range: z.enum(CHART_RANGES, { error: `must be one of ${CHART_RANGES.join(', ')}` }).default(DEFAULT_CHART_RANGE),
});

// The page's own read model: described by its parts, which the page (not an integration) depends on.
const componentPageSchema = z.looseObject({
  view: z.looseObject({ detail: z.looseObject({ name: z.string() }) }),
  actions: z.looseObject({}).nullable(),
  sourceStatuses: z.array(z.looseObject({ component: z.string() })),
});

/**
 * What a component's page polls (components/queries.ts): its health, charts for
 * `?range=` (1h, 6h, 24h, 7d; default 1h), history, proposal, and its actions
 * panel as the caller's role would see it.
 */
export const GET = apiRoute(
  {
    operationId: 'get_component_page',
    summary: "A component's page, as its dashboard polls it",
    description: 'Health, charts downsampled for the range, history, proposal, Prometheus source statuses and the actions panel as the caller’s role sees it.',
    tag: 'Components',
    role: 'viewer',
    params: componentNameParams,
    query: querySchema,
    responses: {
      200: { description: 'The page data.', schema: componentPageSchema },
      404: { description: 'Unknown component.', schema: apiErrorSchema },
    },
  },
  async ({ params, query, db, principal }) => {
    const data = await componentPageData(db, params.name, query.range, principal.role);
    if (!data) throw notFound(`component ${params.name}`);
    return Response.json(data);
  },
);
