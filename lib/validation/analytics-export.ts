/** Query string of GET /api/v1/analytics/export. Unknown parameters are refused, as unknown body fields are. */
import { z } from 'zod';
import { ANALYTICS_WINDOWS, DEFAULT_ANALYTICS_WINDOW } from '@/lib/dashboard/durations';

export const exportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'json'], { error: 'must be csv or json' }).default('csv'),
  window: z.enum(ANALYTICS_WINDOWS, { error: `must be one of ${ANALYTICS_WINDOWS.join(', ')}` }).default(DEFAULT_ANALYTICS_WINDOW),
  until: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T23:43:49Z' })
    .transform((value) => new Date(value))
    .optional(),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;
