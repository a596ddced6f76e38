import { readJsonBody } from '@/lib/api/body';
import { ApiError, validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { testSourceQueries } from '@/lib/services/prometheus-pull';
import { requireSource } from '@/lib/services/prometheus-sources';
import { testQueriesSchema } from '@/lib/validation/prometheus-source';

/** "Test queries": what each query returns now for one component (default: the first). Stores nothing. */
export const POST = apiRoute<{ id: string }>({ role: 'admin' }, async ({ request, params, db }) => {
  const input = testQueriesSchema.safeParse(await readJsonBody(request, undefined, { emptyAs: {} }));
  if (!input.success) throw validationError(input.error);
  const source = await requireSource(db, params.id);
  const component = input.data.component ?? source.components[0]!;
  if (!source.components.includes(component)) {
    throw new ApiError(400, 'validation_failed', `component: ${component} is not served by this source`, [
      { field: 'component', message: 'is not served by this source' },
    ]);
  }
  const results = await testSourceQueries(db, source, component, { now: new Date() });
  return Response.json({ component, results });
});
