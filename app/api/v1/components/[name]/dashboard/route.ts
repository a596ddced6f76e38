import { z } from 'zod';
import { componentPageData } from '@/components/component-page/page-data';
import { notFound, validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { CHART_RANGES, DEFAULT_CHART_RANGE } from '@/lib/dashboard/durations';
import { componentNameSchema } from '@/lib/validation/sample';

const querySchema = z.object({
  name: componentNameSchema,
  range: z.enum(CHART_RANGES, { error: `must be one of ${CHART_RANGES.join(', ')}` }).default(DEFAULT_CHART_RANGE),
});

/**
 * What a component's page polls (components/queries.ts): its health, charts for
 * `?range=` (1h, 6h, 24h, 7d; default 1h), history, proposal, and its actions
 * panel as the caller's role would see it.
 */
export const GET = apiRoute<{ name: string }>({ role: 'viewer' }, async ({ request, params, db, principal }) => {
  const query = querySchema.safeParse({ name: params.name, range: new URL(request.url).searchParams.get('range') ?? undefined });
  if (!query.success) throw validationError(query.error);
  const data = await componentPageData(db, query.data.name, query.data.range, principal.role);
  if (!data) throw notFound(`component ${query.data.name}`);
  return Response.json(data);
});
