/**
 * The activity log pages through unified_brain by (executed_at desc, id desc):
 * every matching row appears exactly once across pages, in order, including
 * rows that share a timestamp or differ from each other below the millisecond.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activityChunk, activityPage, activityPageQuery, countActivity, type ActivityFilters } from '@/db/queries/activity';
import { recordBrain, type ActionType } from '@/db/queries/brain';
import { decodeCursor, encodeCursor, type Cursor } from '@/lib/dashboard/cursor';
import { testDatabase } from '../../helpers/api';

const NOW = Date.now();
const MONTH_AGO = new Date(NOW - 30 * 86_400_000);
// Ten days back, on a whole second, so the rows below can differ only in microseconds.
const TEN_DAYS_AGO = new Date(Math.floor((NOW - 10 * 86_400_000) / 1000) * 1000).toISOString().slice(0, 19);
const COMPONENTS = ['api', 'worker', 'cache'];
const TYPES: ActionType[] = ['proactive_health_check', 'service_restart', 'memory_leak_cleanup'];
const STATUSES = ['healthy', 'success', 'failure'];

beforeAll(async () => {
  const { db, rawQuery } = await testDatabase();
  // 90 rows: 3 per second for 30 seconds, so timestamps repeat three times each.
  for (let i = 0; i < 90; i++) {
    await recordBrain(db, {
      actionType: TYPES[i % 3]!,
      status: STATUSES[i % 3]!,
      metadata: { component: COMPONENTS[Math.floor(i / 3) % 3]!, i },
      executedAt: new Date(NOW - 60_000 + Math.floor(i / 3) * 1000),
    });
  }
  // Microsecond neighbours: a millisecond cursor would skip one of these.
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata, executed_at) values
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u1"}', '${TEN_DAYS_AGO}.123456Z'),
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u2"}', '${TEN_DAYS_AGO}.123200Z'),
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u3"}', '${TEN_DAYS_AGO}.123900Z')`);
  // Another agent's rows are not the console's activity.
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata) values ('billing_agent', 'proactive_health_check', 'healthy', '{"component":"api"}')`);
});

async function allPages(filters: ActivityFilters, limit: number) {
  const { db } = await testDatabase();
  const seen: { id: number; executedAt: Date }[] = [];
  let cursor: Cursor | null = null;
  let pages = 0;
  do {
    // Through the URL form, as the page does.
    const fromUrl: Cursor | null = cursor ? decodeCursor(encodeCursor(cursor)) : null;
    // The page always reads a bounded span (at most 30 days).
    const page = await activityPage(db, { since: MONTH_AGO, ...filters }, { cursor: fromUrl, limit });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...page.rows.map((r) => ({ id: r.id, executedAt: r.executedAt })));
    cursor = page.next;
    pages++;
  } while (cursor && pages < 100);
  return { seen, pages };
}

async function expectedIds(where: string): Promise<number[]> {
  const { rawQuery } = await testDatabase();
  const rows = await rawQuery<{ id: number | string }>(
    `select id from unified_brain where agent_name like '%self_healing%' ${where} order by executed_at desc, id desc`,
  );
  return rows.map((r) => Number(r.id));
}

describe('activityPage keyset pagination', () => {
  it('returns every row exactly once, newest first, without filters', async () => {
    const { seen, pages } = await allPages({}, 7);
    const ids = seen.map((r) => r.id);
    expect(ids).toEqual(await expectedIds(''));
    expect(new Set(ids).size).toBe(93);
    expect(pages).toBe(Math.ceil(93 / 7));
  });

  it.each<[string, ActivityFilters, string]>([
    ['component', { component: 'api' }, `and metadata->>'component' = 'api'`],
    ['action type', { actionType: 'service_restart' }, `and action_type = 'service_restart'`],
    ['status', { status: 'failure' }, `and status = 'failure'`],
    [
      'component, type and time',
      { component: 'worker', actionType: 'proactive_health_check', since: new Date(NOW - 45_000) },
      `and metadata->>'component' = 'worker' and action_type = 'proactive_health_check' and executed_at > '${new Date(NOW - 45_000).toISOString()}'`,
    ],
  ])('with a %s filter', async (_name, filters, where) => {
    const expected = await expectedIds(where);
    expect(expected.length).toBeGreaterThan(0);
    for (const limit of [1, 4, 50]) {
      const { seen } = await allPages(filters, limit);
      expect(seen.map((r) => r.id)).toEqual(expected);
    }
    const { db } = await testDatabase();
    expect(await countActivity(db, filters)).toBe(expected.length);
  });

  it('keeps microsecond neighbours apart', async () => {
    const { seen } = await allPages({ until: new Date(`${TEN_DAYS_AGO}.999Z`) }, 1);
    expect(seen).toHaveLength(3);
  });

  it('says there is no next page on the last one', async () => {
    const { db } = await testDatabase();
    const page = await activityPage(db, { component: 'cache', since: MONTH_AGO }, { cursor: null, limit: 1000 });
    expect(page.rows).toHaveLength(30);
    expect(page.next).toBeNull();
  });
});

describe('activityPage bounds', () => {
  it('refuses an unbounded span or one longer than 31 days, reading nothing', async () => {
    const { db } = await testDatabase();
    const page = { cursor: null, limit: 10 };
    await expect(activityPage(db, {}, page)).rejects.toThrow(RangeError);
    await expect(activityPage(db, { since: new Date(NOW - 32 * 86_400_000) }, page)).rejects.toThrow(/within 31 days/);
    const until = new Date(NOW - 100 * 86_400_000);
    await expect(activityPage(db, { since: new Date(until.getTime() - 32 * 86_400_000), until }, page)).rejects.toThrow(/within 31 days/);
    await expect(activityPage(db, { since: new Date(NOW - 31 * 86_400_000 + 60_000) }, page)).resolves.toMatchObject({ rows: expect.any(Array) });
  });

  // Every filter is served by an index on (that column, executed_at): the page reads its rows in
  // order off the index, never sorting. Scans other than index scans are disabled so a small test
  // table shows the plan a large one gets.
  it.each([
    ['component', { component: 'api' }, 'unified_brain_component_time_idx'],
    ['action type', { actionType: 'service_restart' }, 'unified_brain_action_type_time_idx'],
    ['status', { status: 'failure' }, 'unified_brain_status_time_idx'],
    ['no filter', {}, 'unified_brain_executed_at_id_idx'],
  ] as const)('a %s filter reads off its index without a sort', async (_name, filters, indexName) => {
    const { rawQuery } = await testDatabase();
    const plan = await explainActivityPage(rawQuery, { since: MONTH_AGO, ...filters });
    expect(plan, plan).toContain(`"Index Name":"${indexName}"`);
    expect(plan, plan).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
  });
});

/** The plan of the page's query (its SQL from drizzle, parameters inlined) with only index scans allowed. */
async function explainActivityPage(
  rawQuery: (text: string) => Promise<Record<string, unknown>[]>,
  filters: ActivityFilters,
): Promise<string> {
  const { db } = await testDatabase();
  const { sql: text, params } = activityPageQuery(db, filters, { cursor: null, limit: 51 }).toSQL();
  const literal = (v: unknown) => (v instanceof Date ? `'${v.toISOString()}'` : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  const inlined = text.replace(/\$(\d+)/g, (_m, n: string) => literal(params[Number(n) - 1]));
  await rawQuery('set enable_seqscan = off');
  await rawQuery('set enable_bitmapscan = off');
  try {
    const rows = await rawQuery(`explain (format json) ${inlined}`);
    return JSON.stringify(rows);
  } finally {
    await rawQuery('reset enable_seqscan');
    await rawQuery('reset enable_bitmapscan');
  }
}

describe('activityChunk (exports)', () => {
  it('reads the same rows oldest first in chunks', async () => {
    const { db } = await testDatabase();
    const ids: number[] = [];
    let after: Cursor | null = null;
    for (;;) {
      const chunk = await activityChunk(db, {}, after, 10);
      ids.push(...chunk.rows.map((r) => r.id));
      if (chunk.rows.length < 10) break;
      after = chunk.last;
    }
    expect(ids).toEqual((await expectedIds('')).reverse());
  });
});
