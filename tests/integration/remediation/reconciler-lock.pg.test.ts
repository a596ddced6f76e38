/**
 * The reconciler's lock on real PostgreSQL is a session advisory lock on one
 * reserved connection. If that connection dies mid-pass, the lock is gone and
 * another reconciler may start acting: the pass must notice before it acts
 * again, and the lock must be free for the other process.
 */
import { describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../helpers/api';

// *.pg.test.ts files run only against PostgreSQL (vitest.config.ts): PGlite's lock is in-process.
describe('reconciler lock on PostgreSQL', () => {
  it('stillHeld() turns false when the lock connection dies, and another holder can take the lock', async () => {
    const database = await testDatabase();
    const key = 770_001;
    const seen: boolean[] = [];
    const result = await database.withExclusiveLock(key, async (stillHeld) => {
      seen.push(await stillHeld());
      // Nobody else gets it while it is held…
      expect(await database.withExclusiveLock(key, async () => 'second')).toBeNull();
      // …until the holding session ends (a restart, a network cut, a pooler recycling it).
      await database.rawQuery(
        `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = ${key} and granted`,
      );
      await vi.waitFor(async () => expect(await stillHeld()).toBe(false));
      seen.push(await stillHeld());
      return database.withExclusiveLock(key, async () => 'second');
    });
    expect(seen).toEqual([true, false]);
    expect(result).toBe('second');
  });
});
