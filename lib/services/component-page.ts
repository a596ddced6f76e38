/**
 * Everything the component page shows, read once on the server for its first
 * render and again by GET /api/v1/components/{name}/dashboard each time the
 * page refreshes through react-query (components/queries.ts).
 */
import 'server-only';
import type { Db } from '@/db/client';
import type { Role } from '@/lib/auth/roles';
import type { ChartRange } from '@/lib/dashboard/durations';
import { componentDashboard, type ComponentDashboard } from '@/lib/services/component-dashboard';
import { sourceStatusViews, type ComponentSourceStatus } from '@/lib/services/source-status';
import { actionPanelProps, type ActionPanelProps } from './action-panel';

export interface ComponentPageData {
  view: ComponentDashboard;
  /** null: the component is not registered, so there is nothing to act on. */
  actions: ActionPanelProps | null;
  /** Its Prometheus sources' last pulls (a failing pull must not read as a healthy component). */
  sourceStatuses: ComponentSourceStatus[];
}

/** null: no such component. */
export async function componentPageData(db: Db, name: string, range: ChartRange, role: Role, now = new Date()): Promise<ComponentPageData | null> {
  const [view, sourceStatuses] = await Promise.all([componentDashboard(db, name, range, now), sourceStatusViews(db, [name])]);
  if (!view) return null;
  return { view, actions: await actionPanelProps(name, role), sourceStatuses };
}
