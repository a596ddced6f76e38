/**
 * Where cleanup hooks may point, decided when an admin configures them: a 400
 * naming cleanup_url for link-local/metadata addresses (always) and internal
 * ones the admin's `hook_allowed_ranges` does not list; the setting itself is
 * validated, stored with who changed it, and logged.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import type { SessionUser } from '@/lib/auth/session';
import { DomainError } from '@/lib/healing/domain-error';
import { log } from '@/lib/log';
import { adminSetHookRanges } from '@/lib/services/admin/hook-ranges';
import { createUser } from '@/lib/services/accounts';
import { assertCleanupUrlAllowed, currentHookRanges } from '@/lib/services/hook-addresses';
import { setHookRangesInput } from '@/lib/validation/admin';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';

let admin: string;
let actor: SessionUser;

beforeAll(async () => {
  admin = await createTestToken('admin');
  const { db } = await testDatabase();
  const user = await createUser(db, { email: 'root@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: user.id, email: user.email, name: user.email, role: 'admin' };
});
afterEach(() => vi.restoreAllMocks());

const put = (name: string, cleanup_url: string) => call(putComponent, { method: 'PUT', params: { name }, token: admin, body: { cleanup_url } });

async function setRanges(text: string) {
  const { db } = await testDatabase();
  return adminSetHookRanges(db, actor, setHookRangesInput.parse({ ranges: text }));
}

it('starts with loopback allowed, as no admin has saved the setting', async () => {
  const { db } = await testDatabase();
  expect(await currentHookRanges(db)).toEqual({ ranges: ['127.0.0.0/8', '::1/128'], saved: false, updatedBy: null, updatedAt: null });
});

describe('PUT cleanup_url on a refused address', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254 is refused: link-local (cloud metadata) addresses are never called'],
    ['http://[fe80::1]:8080/cleanup', 'fe80::1 is refused: link-local (cloud metadata) addresses are never called'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is refused: a cloud metadata endpoint addresses are never called'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe is refused: link-local (cloud metadata) addresses are never called'],
    ['http://0xa9.254.169.254/', '169.254.169.254 is refused: link-local (cloud metadata) addresses are never called'],
  ])('answers 400 naming cleanup_url, storing nothing (%s)', async (url, message) => {
    const before = await tableCounts();
    const res = await put('meta-probe', url);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', message: `cleanup_url: ${message}` });
    expect(res.body.issues).toEqual([{ field: 'cleanup_url', message }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a private address until an admin allows its range, then accepts it', async () => {
    const refused = await put('billing', 'http://10.1.2.3:8080/cleanup');
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({ field: 'cleanup_url', message: expect.stringMatching(/^10\.1\.2\.3 is refused: private addresses are refused unless an admin allows/) });

    await setRanges('10.0.0.0/8');
    const accepted = await put('billing', 'http://10.1.2.3:8080/cleanup');
    expect(accepted.status).toBe(201);
    expect(accepted.body.cleanup_url).toBe('http://10.1.2.3:8080/cleanup');
    // Metadata stays refused whatever is allowed.
    await setRanges('0.0.0.0/0, ::/0');
    expect((await put('billing', 'http://169.254.169.254/')).status).toBe(400);
  });

  it('resolves host names: localhost is loopback, refused once the allowance drops it', async () => {
    await setRanges('127.0.0.0/8 ::1/128');
    expect((await put('sidecar', 'http://localhost:9/cleanup')).status).toBe(201);
    await setRanges('');
    const res = await put('sidecar', 'http://localhost:9/cleanup');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is refused: loopback addresses/);
  });

  it('judges a host name by every address it resolves to (and accepts one that does not resolve yet)', async () => {
    const { db } = await testDatabase();
    const resolving = (address: string) => async () => [{ address: '93.184.216.34', family: 4 }, { address, family: 4 }];
    const refused = await assertCleanupUrlAllowed(db, 'http://hooks.example.test/c', resolving('169.254.169.254')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toBe(
      'cleanup_url: hooks.example.test resolves to 169.254.169.254, which is refused: link-local (cloud metadata) addresses are never called',
    );
    await expect(assertCleanupUrlAllowed(db, 'http://hooks.example.test/c', resolving('93.184.216.35'))).resolves.toBeUndefined();
    const unresolved = async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    await expect(assertCleanupUrlAllowed(db, 'http://not-yet.example.test/c', unresolved)).resolves.toBeUndefined();
  });
});

describe('the hook_allowed_ranges setting', () => {
  it('remembers who changed it, normalised and deduplicated; the change is logged', async () => {
    const info = vi.spyOn(log, 'info');
    const saved = await setRanges('10.1.2.3/8\n10.0.0.0/8, fd12:3456:0::/32 192.168.7.7');
    expect(saved).toMatchObject({ ranges: ['10.0.0.0/8', 'fd12:3456::/32', '192.168.7.7/32'], saved: true, updatedBy: 'root@example.com' });
    expect(info).toHaveBeenCalledWith('admin action', expect.objectContaining({ action: 'hooks.allowed_ranges', actor: 'root@example.com' }));
  });

  it.each([
    ['nope', '"nope" is not an IP range such as 10.0.0.0/8 or fd12:3456::/32'],
    ['10.0.0.0/8, 10.0.0.0/33', '"10.0.0.0/33" is not an IP range such as 10.0.0.0/8 or fd12:3456::/32'],
  ])('refuses malformed input naming the field, storing nothing (%j)', async (text, message) => {
    const { db } = await testDatabase();
    const before = await currentHookRanges(db);
    const parsed = setHookRangesInput.safeParse({ ranges: text });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['ranges'], message });
    expect(setHookRangesInput.safeParse({ ranges: 42 }).error!.issues[0]).toMatchObject({ path: ['ranges'], message: 'must be text' });
    expect(await currentHookRanges(db)).toEqual(before);
  });
});
