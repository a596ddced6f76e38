/**
 * What voids a browser session, against a real database: disabling the
 * account (for good — re-enabling does not revive old cookies) and signing
 * out, whichever way (lib/auth/sign-out.ts backs the header's button and
 * Auth.js's POST /api/auth/signout alike).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findUserById } from '@/db/queries/users';
import type { SessionUser } from '@/lib/auth/session';
import { sessionVerdict } from '@/lib/auth/session-policy';
import { endSessionsOf } from '@/lib/auth/sign-out';
import { createUser } from '@/lib/services/accounts';
import { adminSetUserDisabled } from '@/lib/services/admin/users';
import { testDatabase } from '../../helpers/api';

let actor: SessionUser;

beforeAll(async () => {
  const { db } = await testDatabase();
  const admin = await createUser(db, { email: 'sessions-admin@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: admin.id, email: admin.email, name: admin.email, role: 'admin' };
});

async function verdictNow(userId: string, signedInAt: number) {
  const { db } = await testDatabase();
  return sessionVerdict(await findUserById(db, userId), signedInAt);
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('disabling an account', () => {
  it('voids its sessions, and re-enabling does not bring the old cookies back; a new sign-in works', async () => {
    const { db } = await testDatabase();
    const user = await createUser(db, { email: 'disable-me@example.com', role: 'operator', password: 'user password 123' });
    const signedInAt = Date.now() - 60_000;
    expect(await verdictNow(user.id, signedInAt)).toEqual({ valid: true });

    await adminSetUserDisabled(db, actor, { userId: user.id, disabled: true });
    expect(await verdictNow(user.id, signedInAt)).toMatchObject({ valid: false });
    await settle();
    await adminSetUserDisabled(db, actor, { userId: user.id, disabled: false });
    expect(await verdictNow(user.id, signedInAt)).toEqual({ valid: false, reason: 'voided' });

    await settle();
    expect(await verdictNow(user.id, Date.now())).toEqual({ valid: true });
  });
});

describe('signing out (endSessionsOf)', () => {
  it('voids every session signed in up to now, on every device', async () => {
    const { db } = await testDatabase();
    const user = await createUser(db, { email: 'sign-out@example.com', role: 'viewer', password: 'user password 123' });
    const laptop = Date.now() - 120_000;
    const phone = Date.now() - 60_000;
    await expect(endSessionsOf(db, { sub: user.id, signedInAt: phone })).resolves.toBe(true);
    expect(await verdictNow(user.id, laptop)).toEqual({ valid: false, reason: 'voided' });
    expect(await verdictNow(user.id, phone)).toEqual({ valid: false, reason: 'voided' });
  });

  it('does nothing for a cookie that no longer counts: an old copy cannot end newer sessions', async () => {
    const { db } = await testDatabase();
    const user = await createUser(db, { email: 'old-copy@example.com', role: 'viewer', password: 'user password 123' });
    const stolen = Date.now() - 120_000;
    await endSessionsOf(db, { sub: user.id, signedInAt: stolen });
    await settle();
    const fresh = Date.now();
    await settle();
    await expect(endSessionsOf(db, { sub: user.id, signedInAt: stolen })).resolves.toBe(false);
    expect(await verdictNow(user.id, fresh)).toEqual({ valid: true });
    // An expired one (13 h old under the default 12 h) and an anonymous one neither.
    await expect(endSessionsOf(db, { sub: user.id, signedInAt: fresh - 13 * 3_600_000 })).resolves.toBe(false);
    await expect(endSessionsOf(db, {})).resolves.toBe(false);
    expect(await verdictNow(user.id, fresh)).toEqual({ valid: true });
  });
});
