/**
 * The activity log pages through unified_brain by (executed_at desc, id desc):
 * every matching row appears exactly once across pages, in order, including
 * rows that share a timestamp or differ from each other below the millisecond.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activityChunk, activityPage, countActivity, type ActivityFilters } from '@/db/queries/activity';
import { recordBrain, type ActionType } from '@/db/queries/brain';
import { decodeCursor, encodeCursor, type Cursor } from '@/lib/dashboard/cursor';
import { testDatabase } from '../../helpers/api';

const NOW = Date.now();
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
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u1"}', '2026-01-01T00:00:00.123456Z'),
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u2"}', '2026-01-01T00:00:00.123200Z'),
    ('self_healing_console', 'proactive_health_check', 'healthy', '{"component":"api","i":"u3"}', '2026-01-01T00:00:00.123900Z')`);
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
    const page = await activityPage(db, filters, { cursor: fromUrl, limit });
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
    const { seen } = await allPages({ until: new Date('2026-01-02T00:00:00Z') }, 1);
    expect(seen).toHaveLength(3);
  });

  it('says there is no next page on the last one', async () => {
    const { db } = await testDatabase();
    const page = await activityPage(db, { component: 'cache' }, { cursor: null, limit: 1000 });
    expect(page.rows).toHaveLength(30);
    expect(page.next).toBeNull();
  });
});

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
