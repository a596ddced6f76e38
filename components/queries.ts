/**
 * Every react-query key and fetcher of the browser, in one place, so two
 * components that show the same data share one cache entry (the overview and
 * the predictions page both read `queryKeys.overview`) and an invalidation
 * names the same key the reader used. Each fetcher throws on an unexpected
 * status, which react-query keeps as the query's error.
 */
import type { ComponentPageData } from '@/lib/services/component-page';
import type { ChartRange } from '@/lib/dashboard/durations';
import type { RemediationView } from '@/lib/remediation/present';
import type { Overview } from '@/lib/services/overview';

export const queryKeys = {
  overview: ['overview'] as const,
  approvals: ['approvals'] as const,
  consoleHealth: ['console-health'] as const,
  component: (name: string, range: ChartRange) => ['component', name, range] as const,
};

async function getJson<T>(url: string, accept: (status: number) => boolean = (s) => s === 200): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!accept(res.status)) throw new Error(`the console answered ${res.status}`);
  return (await res.json()) as T;
}

export function fetchOverview(): Promise<Overview> {
  return getJson('/api/v1/overview');
}

export async function fetchApprovals(): Promise<RemediationView[]> {
  return (await getJson<{ approvals: RemediationView[] }>('/api/v1/approvals')).approvals;
}

export interface ConsoleHealth {
  status: string;
  database: { status: string };
}

/** GET /api/health answers 503 with a JSON body when the database is down; both are answers. */
export function fetchConsoleHealth(): Promise<ConsoleHealth> {
  return getJson('/api/health', (s) => s === 200 || s === 503);
}

export function fetchComponentPage(name: string, range: ChartRange): Promise<ComponentPageData> {
  return getJson(`/api/v1/components/${encodeURIComponent(name)}/dashboard?range=${range}`);
}
