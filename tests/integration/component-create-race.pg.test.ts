/**
 * Creating a component while an operator PUTs the same new name (issue 13, 6a).
 * A second connection holds the creating transaction open at its INSERT — an
 * admin registering the component with its routing, or a first sample with the
 * defaults — while the operator's PUT runs; the PUT must wait for it and then be
 * judged against the row as created, never overwrite it as if it were new.
 * PostgreSQL only (vitest.config.ts): PGlite has one connection, no such race.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { call, createTestToken, testDatabase } from '../helpers/api';

let operator: string;
let other: postgres.Sql;

beforeAll(async () => {
  operator = await createTestToken('operator');
  // tests/integration/setup.ts pointed DATABASE_URL at this file's fresh database.
  other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await other.end();
});

/** Runs `insert` in a transaction of the second connection, then `whileOpen`, commits once `whileOpen`'s work is waiting on it. */
async function withCreationOpen<T>(insert: string, whileOpen: () => Promise<T>): Promise<T> {
  const { rawQuery } = await testDatabase();
  const conn = await other.reserve();
  try {
    await conn.unsafe('begin');
    await conn.unsafe(insert);
    const pending = whileOpen();
    // Not a timing assumption: wait until the other request is blocked on this transaction's row.
    await vi.waitFor(
      async () => {
        const [row] = await rawQuery<{ n: number | string }>(
          `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        expect(Number(row!.n)).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 20 },
    );
    await conn.unsafe('commit');
    return await pending;
  } finally {
    conn.release();
  }
}

const DEFAULT_ROUTING = { environment: 'production', policy: 'default', render_service_id: null, cleanup_url: null };

describe('an operator PUT racing the creation of the same name', () => {
  it("does not overwrite an admin's routing created concurrently (403 naming the fields; the admin's row stands)", async () => {
    const res = await withCreationOpen(
      `insert into components (name, environment, policy, render_service_id, cleanup_url)
       values ('race-new', 'production', 'approval', 'srv-admin1', 'http://hook.internal/cleanup')`,
      () => call(putComponent, { method: 'PUT', params: { name: 'race-new' }, token: operator, body: { ...DEFAULT_ROUTING, thresholds: {} } }),
    );
    expect(res.status).toBe(403);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['policy', 'render_service_id', 'cleanup_url']);
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery(`select environment, policy, render_service_id, cleanup_url from components where name = 'race-new'`);
    expect(row).toEqual({ environment: 'production', policy: 'approval', render_service_id: 'srv-admin1', cleanup_url: 'http://hook.internal/cleanup' });
  });

  it('tunes the thresholds of a component a first sample created meanwhile (200, not 201: it did not create it)', async () => {
    const res = await withCreationOpen(`insert into components (name) values ('race-sampled')`, () =>
      call(putComponent, {
        method: 'PUT',
        params: { name: 'race-sampled' },
        token: operator,
        body: { ...DEFAULT_ROUTING, thresholds: { latency_ms: { warning: 700 } } },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...DEFAULT_ROUTING, threshold_overrides: { latency_ms: { warning: 700 } } });
  });
});
