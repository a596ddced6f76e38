/**
 * Reading the unified_brain audit log: the activity page (newest first) and
 * the analytics export (oldest first), both keyset-paginated on
 * (executed_at, id) so page N costs the same as page 1 and rows written while
 * someone pages are neither skipped nor repeated.
 */
import 'server-only';
import { and, asc, desc, eq, gt, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Cursor } from '@/lib/dashboard/cursor';
import type { Db } from '../client';
import { unifiedBrain, type BrainRecord } from '../schema';

/** Rows of the console and of the original module alike (the card's filter). */
export const SELF_HEALING_AGENTS = '%self_healing%';

export interface ActivityFilters {
  component?: string;
  actionType?: string;
  status?: string;
  /** Exclusive lower bound on executed_at. */
  since?: Date;
  /** Inclusive upper bound on executed_at. */
  until?: Date;
}

export interface ActivityRow extends BrainRecord {
  /** executed_at with microseconds, for the next cursor. */
  exactAt: string;
}

const b = unifiedBrain;

// PostgreSQL's own rendering keeps microseconds, which a JS Date would drop.
const exactAt = sql<string>`to_char(${b.executedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function filterConditions(f: ActivityFilters): SQL[] {
  const conditions: SQL[] = [like(b.agentName, SELF_HEALING_AGENTS)];
  if (f.component) conditions.push(eq(sql`${b.metadata}->>'component'`, f.component));
  if (f.actionType) conditions.push(eq(b.actionType, f.actionType));
  if (f.status) conditions.push(eq(b.status, f.status));
  if (f.since) conditions.push(gt(b.executedAt, f.since));
  if (f.until) conditions.push(lte(b.executedAt, f.until));
  return conditions;
}

function selectRows(db: Db) {
  return db.select({ row: b, exactAt }).from(b);
}

const toRow = (r: { row: BrainRecord; exactAt: string }): ActivityRow => ({ ...r.row, exactAt: r.exactAt });
const cursorOf = (row: ActivityRow): Cursor => ({ at: row.exactAt, id: row.id });

/** The page's query, unexecuted (its plan is tested: each filter reads off its own index). */
export function activityPageQuery(db: Db, filters: ActivityFilters, page: { cursor: Cursor | null; limit: number }) {
  const conditions = filterConditions(filters);
  if (page.cursor) conditions.push(sql`(${b.executedAt}, ${b.id}) < (${page.cursor.at}::timestamptz, ${page.cursor.id})`);
  return selectRows(db)
    .where(and(...conditions))
    .orderBy(desc(b.executedAt), desc(b.id))
    .limit(page.limit);
}

/**
 * The longest span one page may cover. Each filter is an equality served by an
 * (x, executed_at) index, so a page reads its rows straight off an index — but a
 * filter that matches little walks the whole span; bounded, that is one month.
 */
export const MAX_ACTIVITY_PAGE_SPAN_MS = 31 * 86_400_000;

/** One page, newest first, strictly after `cursor` in that order; `next` is null on the last page. */
export async function activityPage(
  db: Db,
  filters: ActivityFilters,
  page: { cursor: Cursor | null; limit: number },
): Promise<{ rows: ActivityRow[]; next: Cursor | null }> {
  const end = filters.until ?? new Date();
  if (!filters.since || end.getTime() - filters.since.getTime() > MAX_ACTIVITY_PAGE_SPAN_MS) {
    throw new RangeError('activity page: the span must start within 31 days of its end');
  }
  const found = (await activityPageQuery(db, filters, { cursor: page.cursor, limit: page.limit + 1 })).map(toRow);
  const rows = found.slice(0, page.limit);
  return { rows, next: found.length > page.limit ? cursorOf(rows.at(-1)!) : null };
}

/** One chunk of an export, oldest first, strictly after `after`. */
export async function activityChunk(
  db: Db,
  filters: ActivityFilters,
  after: Cursor | null,
  limit: number,
): Promise<{ rows: ActivityRow[]; last: Cursor | null }> {
  const conditions = filterConditions(filters);
  if (after) conditions.push(sql`(${b.executedAt}, ${b.id}) > (${after.at}::timestamptz, ${after.id})`);
  const rows = (
    await selectRows(db)
      .where(and(...conditions))
      .orderBy(asc(b.executedAt), asc(b.id))
      .limit(limit)
  ).map(toRow);
  return { rows, last: rows.length > 0 ? cursorOf(rows.at(-1)!) : null };
}

export async function countActivity(db: Db, filters: ActivityFilters): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(b)
    .where(and(...filterConditions(filters)));
  return row?.n ?? 0;
}
