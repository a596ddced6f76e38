/**
 * The rules behind the admin page, against a real database: what is refused
 * (self-demotion, self-disabling, unknown targets, bad input), what is stored,
 * and that every change is logged without secrets.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listApiTokens } from '@/db/queries/api-tokens';
import { automationPause } from '@/db/queries/settings';
import { findUserByEmail, listUsers } from '@/db/queries/users';
import { ActionError } from '@/lib/actions/action-error';
import { authenticate } from '@/lib/api/principal';
import type { SessionUser } from '@/lib/auth/session';
import { adminSetPause, adminSetPolicy } from '@/lib/services/admin/settings';
import { adminCreateToken, adminRevokeToken } from '@/lib/services/admin/tokens';
import { adminCreateUser, adminSetUserDisabled, adminSetUserRole } from '@/lib/services/admin/users';
import { createUser } from '@/lib/services/accounts';
import { upsertComponentConfig } from '@/db/queries/components';
import { createTokenInput, createUserInput, setPolicyInput, setUserRoleInput } from '@/lib/validation/admin';
import { tableCounts, testDatabase } from '../../helpers/api';

const PASSWORD = 'initial password 1';
let actor: SessionUser;
const logged: string[] = [];

beforeAll(async () => {
  const { db } = await testDatabase();
  const admin = await createUser(db, { email: 'root@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: admin.id, email: admin.email, name: admin.email, role: 'admin' };
});

function captureLogs() {
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
}
afterEach(() => {
  vi.restoreAllMocks();
  logged.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

const firstIssue = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
};

describe('admin input schemas', () => {
  it('name the offending field', () => {
    const good = { email: 'new@example.com', role: 'viewer', password: PASSWORD };
    expect(firstIssue(createUserInput.safeParse({ ...good, email: '' }))).toBe('email: is required');
    expect(firstIssue(createUserInput.safeParse({ role: 'viewer', password: PASSWORD }))).toBe('email: is required');
    expect(firstIssue(createUserInput.safeParse({ ...good, email: 'nope' }))).toBe('email: must be an email address');
    expect(firstIssue(createUserInput.safeParse({ ...good, password: 'short' }))).toBe('password: must be at least 12 characters');
    expect(firstIssue(createUserInput.safeParse({ ...good, role: 'root' }))).toBe(
      'role: must be one of viewer, operator, approver, admin',
    );
    expect(createUserInput.parse({ ...good, name: '  ' }).name).toBeUndefined();
    expect(firstIssue(createTokenInput.safeParse({ name: '', role: 'viewer' }))).toBe('name: is required');
    expect(firstIssue(createTokenInput.safeParse({ name: 'ok', role: 'god' }))).toMatch(/^role: must be one of/);
    expect(firstIssue(setUserRoleInput.safeParse({ userId: 'x', role: 'viewer' }))).toMatch(/^userId:/);
    expect(firstIssue(setPolicyInput.safeParse({ component: 'Bad Name', policy: 'auto' }))).toMatch(/^component:/);
    expect(firstIssue(setPolicyInput.safeParse({ component: 'api', policy: 'sometimes' }))).toMatch(/^policy: must be one of/);
  });
});

describe('users', () => {
  it('creates a user with a role and an initial password; the list never carries the hash', async () => {
    captureLogs();
    const { db } = await testDatabase();
    const created = await adminCreateUser(db, actor, createUserInput.parse({ email: 'Ops@Example.com', role: 'operator', password: PASSWORD }));
    expect(created).toMatchObject({ email: 'Ops@Example.com', role: 'operator', disabledAt: null });
    expect(created).not.toHaveProperty('passwordHash');
    const listed = await listUsers(db);
    expect(listed.map((u) => u.email)).toEqual(['Ops@Example.com', 'root@example.com']);
    expect(JSON.stringify(listed)).not.toContain('scrypt');
    expect(logged.join('\n')).toContain('"action":"user.create"');
    expect(logged.join('\n')).toContain('"actor":"root@example.com"');
    expect(logged.join('\n')).toContain('"target":"Ops@Example.com"');
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('refuses a second user with the same email (any case), naming the field', async () => {
    const { db } = await testDatabase();
    const before = (await listUsers(db)).length;
    const error = await refusal(adminCreateUser(db, actor, createUserInput.parse({ email: 'ops@example.COM', role: 'viewer', password: PASSWORD })));
    expect(error.field).toBe('email');
    expect(error.message).toMatch(/already exists/);
    expect((await listUsers(db)).length).toBe(before);
  });

  it('changes roles and disables/enables other users', async () => {
    captureLogs();
    const { db } = await testDatabase();
    const ops = (await findUserByEmail(db, 'ops@example.com'))!;
    expect(await adminSetUserRole(db, actor, { userId: ops.id, role: 'approver' })).toMatchObject({ role: 'approver' });
    expect((await adminSetUserDisabled(db, actor, { userId: ops.id, disabled: true })).disabledAt).toBeInstanceOf(Date);
    expect((await findUserByEmail(db, 'ops@example.com'))!.disabledAt).not.toBeNull();
    expect((await adminSetUserDisabled(db, actor, { userId: ops.id, disabled: false })).disabledAt).toBeNull();
    const lines = logged.join('\n');
    expect(lines).toContain('"action":"user.role"');
    expect(lines).toContain('"action":"user.disable"');
    expect(lines).toContain('"action":"user.enable"');
  });

  it('refuses to let an admin demote or disable themself, and changes nothing', async () => {
    const { db } = await testDatabase();
    for (const role of ['viewer', 'operator', 'approver'] as const) {
      const error = await refusal(adminSetUserRole(db, actor, { userId: actor.id, role }));
      expect(error).toMatchObject({ field: 'role', message: 'role: you cannot demote yourself; ask another admin' });
    }
    const error = await refusal(adminSetUserDisabled(db, actor, { userId: actor.id, disabled: true }));
    expect(error).toMatchObject({ field: 'disabled', message: 'disabled: you cannot disable your own account' });
    const me = (await findUserByEmail(db, actor.email))!;
    expect(me.role).toBe('admin');
    expect(me.disabledAt).toBeNull();
    // Re-affirming one's own admin role is harmless.
    await expect(adminSetUserRole(db, actor, { userId: actor.id, role: 'admin' })).resolves.toMatchObject({ role: 'admin' });
  });

  it('answers an unknown user id with a message, not a crash', async () => {
    const { db } = await testDatabase();
    const error = await refusal(adminSetUserRole(db, actor, { userId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }));
    expect(error.field).toBe('userId');
  });
});

describe('tokens', () => {
  it('creates a token shown once, credited to its creator, listed without its hash', async () => {
    captureLogs();
    const { db, rawQuery } = await testDatabase();
    const { token, name, role } = await adminCreateToken(db, actor, { name: 'ingest-prod', role: 'operator' });
    expect(token).toMatch(/^shc_/);
    expect([name, role]).toEqual(['ingest-prod', 'operator']);
    const [listed] = await listApiTokens(db);
    expect(listed).toMatchObject({ name: 'ingest-prod', role: 'operator', createdBy: 'root@example.com', lastUsedAt: null, revokedAt: null });
    expect(listed).not.toHaveProperty('secretHash');
    const stored = await rawQuery(`select * from api_tokens`);
    expect(JSON.stringify(stored)).not.toContain(token.slice('shc_'.length + 13)); // the secret (it may contain '_')
    expect(logged.join('\n')).toContain('"action":"token.create"');
    expect(logged.join('\n')).not.toContain(token);
  });

  it('revokes at once: the next request with the token is refused', async () => {
    captureLogs();
    const { db } = await testDatabase();
    const { token } = await adminCreateToken(db, actor, { name: 'short-lived', role: 'viewer' });
    const request = () => new Request('http://console.test/', { headers: { authorization: `Bearer ${token}` } });
    await expect(authenticate(request(), db)).resolves.toMatchObject({ name: 'short-lived' });
    const id = (await listApiTokens(db)).find((t) => t.name === 'short-lived')!.id;
    await expect(adminRevokeToken(db, actor, { tokenId: id })).resolves.toEqual({ name: 'short-lived' });
    await expect(authenticate(request(), db)).rejects.toMatchObject({ status: 401 });
    expect((await listApiTokens(db)).find((t) => t.id === id)!.revokedAt).toBeInstanceOf(Date);
    const again = await refusal(adminRevokeToken(db, actor, { tokenId: id }));
    expect(again.message).toMatch(/already revoked/);
    const unknown = await refusal(adminRevokeToken(db, actor, { tokenId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.message).toMatch(/no such token/);
    expect(logged.join('\n')).toContain('"action":"token.revoke"');
    expect(logged.join('\n')).not.toContain(token);
  });
});

describe('a token acts for its creator', () => {
  it('stops working when its creator is disabled, and does no more than a demoted creator can', async () => {
    const { db } = await testDatabase();
    const creator = await createUser(db, { email: 'second-admin@example.com', role: 'admin', password: 'admin password 456' });
    const asCreator: SessionUser = { id: creator.id, email: creator.email, name: creator.email, role: 'admin' };
    const { token } = await adminCreateToken(db, asCreator, { name: 'pipeline', role: 'approver' });
    const request = () => new Request('http://console.test/', { headers: { authorization: `Bearer ${token}` } });
    await expect(authenticate(request(), db)).resolves.toMatchObject({ role: 'approver', userId: creator.id });

    await adminSetUserRole(db, actor, { userId: creator.id, role: 'operator' });
    await expect(authenticate(request(), db)).resolves.toMatchObject({ role: 'operator' });

    await adminSetUserDisabled(db, actor, { userId: creator.id, disabled: true });
    await expect(authenticate(request(), db)).rejects.toMatchObject({ status: 401 });
    await adminSetUserDisabled(db, actor, { userId: creator.id, disabled: false });
    await expect(authenticate(request(), db)).resolves.toMatchObject({ role: 'operator' });
  });
});

describe('settings', () => {
  it('changes a known component policy and records it in the config history', async () => {
    captureLogs();
    const { db, rawQuery } = await testDatabase();
    await upsertComponentConfig(db, 'checkout-api', {}, 'test');
    await expect(adminSetPolicy(db, actor, { component: 'checkout-api', policy: 'approval' })).resolves.toEqual({
      component: 'checkout-api',
      policy: 'approval',
    });
    const history = await rawQuery<{ policy: string; changed_by: string }>(
      `select config->>'policy' as policy, changed_by from component_configs order by id`,
    );
    expect(history.at(-1)).toEqual({ policy: 'approval', changed_by: 'user:root@example.com' });
    expect(logged.join('\n')).toContain('"action":"component.policy"');
  });

  it('never registers a component by setting a policy', async () => {
    const { db } = await testDatabase();
    const before = await tableCounts();
    const error = await refusal(adminSetPolicy(db, actor, { component: 'no-such-thing', policy: 'never' }));
    expect(error).toMatchObject({ field: 'component', message: 'component: no component named no-such-thing' });
    expect(await tableCounts()).toEqual(before);
  });

  it('pauses and resumes automation, remembering who and when', async () => {
    const { db } = await testDatabase();
    const paused = await adminSetPause(db, actor, { paused: true });
    expect(paused).toMatchObject({ paused: true, updatedBy: 'root@example.com' });
    expect(paused.updatedAt).toBeInstanceOf(Date);
    expect(await adminSetPause(db, actor, { paused: false })).toMatchObject({ paused: false });
    expect((await automationPause(db)).paused).toBe(false);
  });
});
