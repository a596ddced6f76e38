/** Source statuses as pages show them (viewers included: no URL, no credentials — the error text names a metric and why). */
import 'server-only';
import type { Db } from '@/db/client';
import { statusesForComponents } from '@/db/queries/prometheus-sources';
import { sortStatuses, type SourceStatusView } from '@/lib/sources/status';

export type ComponentSourceStatus = SourceStatusView & { component: string };

export async function sourceStatusViews(db: Db, components?: string[]): Promise<ComponentSourceStatus[]> {
  const rows = await statusesForComponents(db, components);
  return sortStatuses(
    rows.map((s) => ({
      source: s.source,
      component: s.component,
      ok: s.ok,
      error: s.error,
      checkedAt: s.checkedAt.toISOString(),
      lastSampleAt: s.lastSampleAt?.toISOString() ?? null,
    })),
  ) as ComponentSourceStatus[];
}
