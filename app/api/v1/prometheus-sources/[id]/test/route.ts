import { ApiError } from '@/lib/api/errors';
import { sourceIdParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { testQueriesResultSchema } from '@/lib/api/schemas/prometheus-sources';
import { testSourceQueries } from '@/lib/services/prometheus-pull';
import { requireSource } from '@/lib/services/prometheus-sources';
import { testQueriesSchema } from '@/lib/validation/prometheus-source';

/** "Test queries": what each query returns now for one component (default: the first). Stores nothing. */
export const POST = apiRoute(
  {
    operationId: 'test_prometheus_source',
    summary: "Run a source's queries now",
    description:
      "What each query returns now for `component` (default: the source's first). Stores nothing; a query that fails is `ok: false` with its error, still a 200.",
    tag: 'Monitoring',
    role: 'admin',
    params: sourceIdParams,
    body: { schema: testQueriesSchema, emptyAs: {} },
    responses: {
      200: { description: 'One result per metric.', schema: testQueriesResultSchema },
      404: { description: 'No such source.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db }) => {
    const source = await requireSource(db, params.id);
    const component = body.component ?? source.components[0]!;
    if (!source.components.includes(component)) {
      throw new ApiError(400, 'validation_failed', `component: ${component} is not served by this source`, [
        { field: 'component', message: 'is not served by this source' },
      ]);
    }
    const results = await testSourceQueries(db, source, component, { now: new Date() });
    return Response.json({ component, results });
  },
);
