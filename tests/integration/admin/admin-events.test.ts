/**
 * Admin changes are recorded in admin_events, in the change's own transaction,
 * without secrets; the database refuses to rewrite the record.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recentAdminEvents } from '@/db/queries/admin-events';
import { upsertComponentConfig } from '@/db/queries/components';
import { automationPause } from '@/db/queries/settings';
import { findUserByEmail } from '@/db/queries/users';
import type { SessionUser } from '@/lib/auth/session';
import { auditAdmin } from '@/lib/services/admin/audit';
import { adminSetPause, adminSetPolicy } from '@/lib/services/admin/settings';
import { adminCreateToken, adminRevokeToken } from '@/lib/services/admin/tokens';
import { adminCreateUser, adminSetUserDisabled, adminSetUserRole } from '@/lib/services/admin/users';
import { createUser } from '@/lib/services/accounts';
import { testDatabase } from '../../helpers/api';

// Lets one test make the event insert fail, to show the change rolls back with it.
const failing = vi.hoisted(() => ({ insert: false }));
vi.mock('@/db/queries/admin-events', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/db/queries/admin-events')>();
  return {
    ...original,
    insertAdminEvent: (...args: Parameters<typeof original.insertAdminEvent>) => {
      if (failing.insert) return Promise.reject(new Error('simulated: admin_events unavailable'));
      return original.insertAdminEvent(...args);
    },
  };
});

const PASSWORD = 'initial password 1';
let actor: SessionUser;

beforeAll(async () => {
  const { db } = await testDatabase();
  const admin = await createUser(db, { email: 'root@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: admin.id, email: admin.email, name: admin.email, role: 'admin' };
});
afterEach(() => {
  failing.insert = false;
});

async function newestEvent() {
  const { db } = await testDatabase();
  const [event] = await recentAdminEvents(db, 1);
  return event!;
}

describe('every admin change is recorded', () => {
  it('users: create, role, disable, enable — actor, target and change, never the password', async () => {
    const { db, rawQuery } = await testDatabase();
    const user = await adminCreateUser(db, actor, { email: 'ops@example.com', role: 'operator', password: PASSWORD, name: undefined });
    expect(await newestEvent()).toMatchObject({
      actorId: actor.id,
      actor: 'root@example.com',
      action: 'user.create',
      target: 'ops@example.com',
      details: { role: 'operator' },
    });
    await adminSetUserRole(db, actor, { userId: user.id, role: 'approver' });
    expect(await newestEvent()).toMatchObject({ action: 'user.role', target: 'ops@example.com', details: { from: 'operator', to: 'approver' } });
    await adminSetUserDisabled(db, actor, { userId: user.id, disabled: true });
    expect(await newestEvent()).toMatchObject({ action: 'user.disable', target: 'ops@example.com' });
    await adminSetUserDisabled(db, actor, { userId: user.id, disabled: false });
    expect(await newestEvent()).toMatchObject({ action: 'user.enable', target: 'ops@example.com' });
    const all = JSON.stringify(await rawQuery(`select * from admin_events`));
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('scrypt');
  });

  it('tokens: create and revoke, never the token shown once', async () => {
    const { db, rawQuery } = await testDatabase();
    const { id, token } = await adminCreateToken(db, actor, { name: 'ingest-prod', role: 'operator' });
    expect(await newestEvent()).toMatchObject({ action: 'token.create', target: 'ingest-prod', details: { role: 'operator' } });
    await adminRevokeToken(db, actor, { tokenId: id });
    expect(await newestEvent()).toMatchObject({ action: 'token.revoke', target: 'ingest-prod' });
    const all = JSON.stringify(await rawQuery(`select * from admin_events`));
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('_').slice(2).join('_')); // the secret part alone
  });

  it('policy and pause', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'checkout-api', {}, 'test');
    await adminSetPolicy(db, actor, { component: 'checkout-api', policy: 'approval' });
    expect(await newestEvent()).toMatchObject({ action: 'component.policy', target: 'checkout-api', details: { from: 'default', to: 'approval' } });
    await adminSetPause(db, actor, { paused: true });
    expect(await newestEvent()).toMatchObject({ action: 'automation.pause', target: 'automation' });
    await adminSetPause(db, actor, { paused: false });
    expect(await newestEvent()).toMatchObject({ action: 'automation.resume' });
  });

  it('a refused or no-op change records nothing', async () => {
    const { db } = await testDatabase();
    const before = (await newestEvent()).id;
    await expect(adminSetUserRole(db, actor, { userId: actor.id, role: 'viewer' })).rejects.toThrow(/demote yourself/);
    await adminSetUserRole(db, actor, { userId: actor.id, role: 'admin' }); // already admin
    await adminSetPolicy(db, actor, { component: 'checkout-api', policy: 'approval' }); // unchanged
    expect((await newestEvent()).id).toBe(before);
  });
});

describe('the record commits with the change or not at all', () => {
  it('a role change whose event cannot be written does not happen', async () => {
    const { db } = await testDatabase();
    const ops = (await findUserByEmail(db, 'ops@example.com'))!;
    failing.insert = true;
    await expect(adminSetUserRole(db, actor, { userId: ops.id, role: 'viewer' })).rejects.toThrow(/simulated/);
    expect((await findUserByEmail(db, 'ops@example.com'))!.role).toBe('approver');
  });

  it('a pause whose event cannot be written does not happen', async () => {
    const { db } = await testDatabase();
    failing.insert = true;
    await expect(adminSetPause(db, actor, { paused: true })).rejects.toThrow(/simulated/);
    expect((await automationPause(db)).paused).toBe(false);
  });
});

describe('admin_events', () => {
  it('refuses a detail whose name says secret, before writing anything', async () => {
    const { db } = await testDatabase();
    const before = (await newestEvent()).id;
    for (const key of ['password', 'token', 'cleanup_secret', 'secretHash']) {
      await expect(auditAdmin(db, actor, 'user.create', 'x', { [key]: 'v' })).rejects.toThrow(`detail named ${key}`);
    }
    expect((await newestEvent()).id).toBe(before);
  });

  it('lists newest first, bounded', async () => {
    const { db } = await testDatabase();
    const events = await recentAdminEvents(db, 3);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.action)).toEqual(['automation.resume', 'automation.pause', 'component.policy']);
  });

  it.each([
    ['UPDATE', `update admin_events set actor = 'someone-else'`],
    ['DELETE', `delete from admin_events`],
    ['TRUNCATE', `truncate admin_events`],
  ])('the database refuses %s', async (op, statement) => {
    const { rawQuery } = await testDatabase();
    const count = async () => Number((await rawQuery<{ n: string | number }>(`select count(*) as n from admin_events`))[0]!.n);
    const before = await count();
    await expect(rawQuery(statement)).rejects.toThrow(new RegExp(`admin_events is append-only: ${op}`));
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
