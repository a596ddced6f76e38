/**
 * The activity page's URL: every filter and the page cursor live in the query
 * string, so any view of the log is a link that can be shared. Unknown or
 * malformed values are dropped rather than failing the page.
 */
import { ACTIVITY_SPANS, DURATION_SECONDS, type ActivitySpan } from './durations';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';

/**
 * Statuses the console writes: health checks (healthy/warning/critical), actions
 * (success/failure, late_outcome when reported after the lease), decisions
 * (approved/rejected) and reconciler passes (completed, completed_with_failures, aborted).
 */
export const KNOWN_STATUSES = [
  'healthy', 'warning', 'critical',
  'success', 'failure', 'late_outcome',
  'approved', 'rejected',
  'completed', 'completed_with_failures', 'aborted',
] as const;
export const ACTIVITY_PAGE_SIZE = 50;
export const DEFAULT_ACTIVITY_SPAN: ActivitySpan = '24h';

export interface ActivityQuery {
  component: string | null;
  type: string | null;
  status: string | null;
  span: ActivitySpan;
  cursor: Cursor | null;
}

type Params = Record<string, string | string[] | undefined>;

const COMPONENT = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const WORD = /^[a-z][a-z0-9_]{0,63}$/;

function one(params: Params, key: string, pattern: RegExp): string | null {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && pattern.test(value) ? value : null;
}

export function parseActivityQuery(params: Params): ActivityQuery {
  const span = one(params, 'span', /^[a-z0-9]+$/);
  return {
    component: one(params, 'component', COMPONENT),
    type: one(params, 'type', WORD),
    status: one(params, 'status', WORD),
    span: span && (ACTIVITY_SPANS as readonly string[]).includes(span) ? (span as ActivitySpan) : DEFAULT_ACTIVITY_SPAN,
    cursor: decodeCursor(one(params, 'cursor', /^[A-Za-z0-9_-]+$/)),
  };
}

/** The query string for a view; defaults are left out so links stay short. */
export function activityHref(q: Omit<ActivityQuery, 'cursor'> & { cursor?: Cursor | null }): string {
  const params = new URLSearchParams();
  if (q.component) params.set('component', q.component);
  if (q.type) params.set('type', q.type);
  if (q.status) params.set('status', q.status);
  if (q.span !== DEFAULT_ACTIVITY_SPAN) params.set('span', q.span);
  if (q.cursor) params.set('cursor', encodeCursor(q.cursor));
  const qs = params.toString();
  return qs ? `/activity?${qs}` : '/activity';
}

/** Lower bound of the time filter relative to `now`; undefined for all time. */
export function spanStart(span: ActivitySpan, now: Date): Date | undefined {
  return span === 'all' ? undefined : new Date(now.getTime() - DURATION_SECONDS[span] * 1000);
}
