/**
 * The sign-in lock on real PostgreSQL, where other processes share the
 * database: a sign-in that must wait for another process's lock waits in
 * memory, not in a transaction holding a pool connection — so the pool keeps
 * serving everyone else — and the lock still counts attempts across processes.
 * (*.pg.test.ts: PGlite has one process and one connection; nothing to hold.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-limit';
import { createUser } from '@/lib/services/accounts';
import { testDatabase } from '../../helpers/api';

const PASSWORD = 'correct horse battery staple';
const from = (address: string) => new Headers({ 'x-forwarded-for': address });
/** Another process's connection to the same database. */
let other: postgres.Sql;

beforeAll(async () => {
  const { db } = await testDatabase();
  for (let i = 0; i < 12; i++) await createUser(db, { email: `queued-${i}@example.com`, role: 'viewer', password: PASSWORD });
  await createUser(db, { email: 'shared@example.com', role: 'viewer', password: PASSWORD });
  other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await other.end();
});

/** Backends of this database waiting for an advisory lock right now. */
async function advisoryWaiters(): Promise<number> {
  const [row] = await other<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`;
  return row!.n;
}

describe('sign-in lock', () => {
  it("waits for another process's lock without holding pool connections, then lets every sign-in through", async () => {
    const { authorizeCredentials } = await import('@/lib/auth/credentials');
    const { db, rawQuery } = await testDatabase();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    // Another process holds the lock of the client address in an open transaction.
    const otherProcess = other.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('sign-in:address:192.0.2.9'))`;
      holding();
      await released;
    });
    await held;

    // More sign-ins from that address than the pool has connections (10).
    const burst = Array.from({ length: 12 }, (_, i) =>
      authorizeCredentials(db, { email: `queued-${i}@example.com`, password: PASSWORD }, from('192.0.2.9')),
    );
    let mostWaiting = 0;
    for (let i = 0; i < 10; i++) {
      mostWaiting = Math.max(mostWaiting, await advisoryWaiters());
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(mostWaiting, 'connections parked on the advisory lock').toBe(0);
    // The pool still answers other requests while the burst waits.
    await expect(rawQuery('select 1 as one')).resolves.toEqual([{ one: 1 }]);

    release();
    await otherProcess;
    const results = await Promise.all(burst);
    expect(results.map((r) => r?.email)).toEqual(Array.from({ length: 12 }, (_, i) => `queued-${i}@example.com`));
    expect(await rawQuery(`select 1 from sign_in_attempts where address = '192.0.2.9' and succeeded`)).toHaveLength(12);
  });

  it('counts guesses from two processes against each other: 12 get exactly the 5 tries the limit allows', async () => {
    // Two copies of the module: two processes' in-memory queues, one database.
    vi.resetModules();
    const first = await import('@/lib/auth/credentials');
    vi.resetModules();
    const second = await import('@/lib/auth/credentials');
    expect(first.authorizeCredentials).not.toBe(second.authorizeCredentials);
    const { db, rawQuery } = await testDatabase();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? first : second).authorizeCredentials(db, { email: 'shared@example.com', password: `guess ${i}` }, from(`198.51.100.${i}`)),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(await rawQuery(`select 1 from sign_in_attempts where email = 'shared@example.com'`)).toHaveLength(SIGN_IN_LIMITS.perAccount);
  });
});
