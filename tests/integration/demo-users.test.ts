/** npm run demo's people: one per role, created once, printed clearly. */
import { describe, expect, it } from 'vitest';
import { listUsers } from '@/db/queries/users';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, formatLogins, seedDemoUsers } from '@/lib/demo/users';
import { createUser } from '@/lib/services/accounts';
import { testDatabase } from '../helpers/api';

const env: NodeJS.ProcessEnv = { ...process.env, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: DEMO_PASSWORD };

describe('seedDemoUsers', () => {
  it('creates one user per role with the printed passwords, and is idempotent', async () => {
    const { db, rawQuery } = await testDatabase();
    const first = await seedDemoUsers(db, env, true);
    expect(first.map((l) => [l.role, l.email])).toEqual([
      ['admin', 'admin@example.com'],
      ['approver', 'approver@example.com'],
      ['operator', 'operator@example.com'],
      ['viewer', 'viewer@example.com'],
    ]);
    const users = await listUsers(db);
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
      ['admin@example.com', 'admin'],
      ['approver@example.com', 'approver'],
      ['operator@example.com', 'operator'],
      ['viewer@example.com', 'viewer'],
    ]);
    for (const login of first) {
      const [row] = await rawQuery<{ password_hash: string }>(`select password_hash from users where email = '${login.email}'`);
      expect(await verifyPassword(login.password!, row!.password_hash), login.email).toBe(true);
    }

    const second = await seedDemoUsers(db, env, false);
    expect(await listUsers(db)).toEqual(users);
    // A second start with a custom ADMIN_PASSWORD does not claim to know it.
    expect(second[0]).toEqual({ role: 'admin', email: 'admin@example.com', password: null });
  });

  it('leaves an existing user of the same email alone', async () => {
    const { db } = await testDatabase();
    await createUser(db, { email: 'someone@example.org', role: 'viewer', password: 'not the demo one' });
    const before = await listUsers(db);
    await seedDemoUsers(db, env, false);
    expect(await listUsers(db)).toEqual(before);
  });
});

describe('formatLogins', () => {
  it('prints one aligned line per role, the admin first', () => {
    const text = formatLogins([
      { role: 'admin', email: 'admin@example.com', password: null },
      { role: 'viewer', email: 'viewer@example.com', password: DEMO_PASSWORD },
    ]);
    expect(text.split('\n')).toEqual([
      'Sign in:  admin@example.com  / (your ADMIN_PASSWORD)   (admin)',
      `            viewer@example.com / ${DEMO_PASSWORD}   (viewer)`,
    ]);
  });
});
