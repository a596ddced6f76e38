/**
 * The activity page's URL: every filter and the page cursor live in the query
 * string, so any view of the log is a link that can be shared.
 *
 * Bounded to what unified_brain's indexes serve (db/schema.ts): each filter is
 * one equality on an indexed column (component, action_type, status — each
 * indexed with executed_at), and the time span is at most 30 days, so even a
 * filter that matches nothing reads at most one month of index entries. A value
 * out of bounds is not applied: the page shows the default in its place and
 * says which field was refused and why.
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
/** The longest span the page reads (ACTIVITY_SPANS' longest). */
export const MAX_ACTIVITY_SPAN_DAYS = 30;
export const DEFAULT_ACTIVITY_SPAN: ActivitySpan = '24h';

/** A refused URL value: the field it came in and what the page accepts instead. */
export interface ActivityProblem {
  field: 'component' | 'type' | 'status' | 'span' | 'cursor';
  message: string;
}

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

const RULES = {
  component: { pattern: COMPONENT, message: 'must be one component name (lowercase letters, digits, . _ -)' },
  type: { pattern: WORD, message: 'must be one action type (lowercase letters, digits, _)' },
  status: { pattern: WORD, message: 'must be one status (lowercase letters, digits, _)' },
} as const;

export function parseActivityQuery(params: Params): { query: ActivityQuery; problems: ActivityProblem[] } {
  const problems: ActivityProblem[] = [];
  const value = (field: ActivityProblem['field']): string | null => {
    const raw = params[field];
    if (Array.isArray(raw) && raw.length > 1) {
      problems.push({ field, message: `${field}: give one value (${raw.length} were given; the first is used)` });
    }
    const first = Array.isArray(raw) ? raw[0] : raw;
    return first === undefined || first === '' ? null : first;
  };
  const filter = (field: keyof typeof RULES): string | null => {
    const v = value(field);
    if (v === null || RULES[field].pattern.test(v)) return v;
    problems.push({ field, message: `${field}: ${RULES[field].message}; not applied` });
    return null;
  };

  const component = filter('component');
  const type = filter('type');
  const status = filter('status');
  const rawSpan = value('span');
  let span = DEFAULT_ACTIVITY_SPAN;
  if (rawSpan !== null) {
    if ((ACTIVITY_SPANS as readonly string[]).includes(rawSpan)) span = rawSpan as ActivitySpan;
    else {
      problems.push({
        field: 'span',
        message: `span: must be one of ${ACTIVITY_SPANS.join(', ')} (at most ${MAX_ACTIVITY_SPAN_DAYS} days); showing the last 24 hours`,
      });
    }
  }
  const rawCursor = value('cursor');
  const cursor = rawCursor === null ? null : decodeCursor(/^[A-Za-z0-9_-]+$/.test(rawCursor) ? rawCursor : null);
  if (rawCursor !== null && !cursor) problems.push({ field: 'cursor', message: 'cursor: not a page link of this log; showing the newest rows' });
  return { query: { component, type, status, span, cursor }, problems };
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

/** Lower bound of the time filter relative to `now`. */
export function spanStart(span: ActivitySpan, now: Date): Date {
  return new Date(now.getTime() - DURATION_SECONDS[span] * 1000);
}
