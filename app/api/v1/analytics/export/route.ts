import { validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { analyticsExport } from '@/lib/services/analytics-export';
import { exportQuerySchema } from '@/lib/validation/analytics-export';

/** The window's unified_brain rows as CSV or JSON (with the analytics summary), streamed; 2 at a time per caller. */
export const GET = apiRoute({ role: 'viewer' }, async ({ request, db, principal }) => {
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error);
  const { format, window, until } = query.data;
  return analyticsExport(db, principal, { format, window, until: until ?? new Date() });
});
