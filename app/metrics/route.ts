/**
 * GET /metrics — the console's own metrics in Prometheus text format, for a
 * Prometheus scrape job (README "Connect your monitoring"). Needs a bearer
 * token: METRICS_TOKEN (checked without the database, so a scrape still says
 * `shc_database_up 0` when the database is down), else any API token or
 * session of role viewer or higher through the one API wrapper.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
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

const viaApiToken = apiRoute({ role: 'viewer' }, async () => scrapeMetrics());

export async function GET(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (!isMetricsToken(request)) return viaApiToken(request, context);
  const started = performance.now();
  const response = await scrapeMetrics();
  observeRequest(request, {}, response.status, started);
  return response;
}
