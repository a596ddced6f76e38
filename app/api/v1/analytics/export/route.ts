import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { analyticsExport } from '@/lib/services/analytics-export';
import { exportQuerySchema } from '@/lib/validation/analytics-export';

const exportRow = z.object({
  id: z.number().int(),
  executed_at: z.string(),
  agent_name: z.string(),
  action_type: z.string(),
  status: z.string(),
  component: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

/** The window's unified_brain rows as CSV or JSON (with the analytics summary), streamed; 2 at a time per caller. */
export const GET = apiRoute(
  {
    operationId: 'export_analytics',
    summary: 'Export the activity log of a window',
    description: "The window's unified_brain rows, oldest first, as CSV (header row) or JSON with the analytics summary; streamed. At most 2 exports at a time per caller.",
    tag: 'Analytics',
    role: 'viewer',
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'The export.',
        schema: z.looseObject({ summary: z.record(z.string(), z.unknown()), rows: z.array(exportRow) }),
        content: { 'text/csv': z.string().meta({ description: 'id,executed_at,agent_name,action_type,status,component,metadata' }) },
      },
      429: {
        description: 'This caller already runs 2 exports.',
        schema: apiErrorSchema,
        headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
      },
    },
  },
  async ({ query, db, principal }) => {
    const { format, window, until } = query;
    return analyticsExport(db, principal, { format, window, until: until ?? new Date() });
  },
);
