/**
 * GET /metrics — the console's own metrics in Prometheus text format, for a
 * Prometheus scrape job (README "Connect your monitoring"). Needs a bearer
 * token: METRICS_TOKEN (checked without the database, so a scrape still says
 * `shc_database_up 0` when the database is down), else any API token or
 * session of role viewer or higher through the one API wrapper.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { documented } from '@/lib/api/openapi/operation';
import { apiRoute, observeRequest } from '@/lib/api/route';
import { env } from '@/lib/env';
import { scrapeMetrics } from '@/lib/observability/scrape';

export const dynamic = 'force-dynamic';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison of the bearer token with METRICS_TOKEN (digests: equal lengths). */
function isMetricsToken(request: Request): boolean {
  const expected = env().metricsToken;
  const header = request.headers.get('authorization');
  if (!expected || !header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(expected));
}

const viaApiToken = apiRoute(
  {
    operationId: 'scrape_console_metrics',
    summary: "The console's own metrics (Prometheus text format)",
    description:
      'For a Prometheus scrape job (`metrics_path: /metrics`, `authorization.credentials`). The bearer token is `METRICS_TOKEN` when set (checked without the database, so a scrape still reports `shc_database_up 0` while it is down), else any API token or session of a viewer or higher.',
    tag: 'Monitoring',
    role: 'viewer',
    responses: {
      200: {
        description: 'The exposition: `shc_*` metrics and the process defaults.',
        content: { 'text/plain': z.string().meta({ description: 'Prometheus text exposition format 0.0.4.' }) },
      },
    },
  },
  async () => scrapeMetrics(),
);

async function scrape(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (!isMetricsToken(request)) return viaApiToken(request, context);
  const started = performance.now();
  const response = await scrapeMetrics();
  observeRequest(request, {}, response.status, started);
  return response;
}

// The METRICS_TOKEN path answers like the wrapped one, so both share the wrapper's operation.
export const GET = documented(viaApiToken.operation, scrape);
