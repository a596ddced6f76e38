/**
 * The credentials check against a real database: one scrypt run whatever the
 * account, every attempt recorded, failures limited per account and per address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { authorizeCredentials, DUMMY_PASSWORD_HASH, SignInRateLimited } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-limit';
import { createUser } from '@/lib/services/accounts';
import { testDatabase } from '../../helpers/api';

const PASSWORD = 'correct horse battery staple';
const minute = 60_000;
let t0: number;
const at = (m: number) => new Date(t0 + m * minute);
const from = (address: string) => new Headers({ 'x-forwarded-for': `${address}, 10.0.0.1` });

async function attempts(where = '') {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ email: string; address: string; succeeded: boolean }>(
    `select email, address, succeeded from sign_in_attempts ${where} order by id`,
  );
}

async function signIn(email: string, password: string, address: string, now: Date) {
  const { db } = await testDatabase();
  return authorizeCredentials(db, { email, password }, from(address), now);
}

beforeAll(async () => {
  t0 = Date.now();
  const { db } = await testDatabase();
  await createUser(db, { email: 'Sre@Example.com', role: 'operator', password: PASSWORD });
  await createUser(db, { email: 'gone@example.com', role: 'viewer', password: PASSWORD });
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'gone@example.com'));
  await db.insert(users).values({ email: 'sso-only@example.com', role: 'viewer', passwordHash: null });
});

describe('authorizeCredentials', () => {
  it('signs in with the right password (any email case) and records the success', async () => {
    await expect(signIn('sre@EXAMPLE.com', PASSWORD, '192.0.2.1', at(0))).resolves.toMatchObject({ email: 'Sre@Example.com' });
    expect(await attempts(`where address = '192.0.2.1'`)).toEqual([
      { email: 'sre@example.com', address: '192.0.2.1', succeeded: true },
    ]);
  });

  it('refuses a wrong password, an unknown, a disabled and a password-less account alike, recording each', async () => {
    for (const [email, password] of [
      ['sre@example.com', 'wrong password!!'],
      ['nobody@example.com', PASSWORD],
      ['gone@example.com', PASSWORD],
      ['sso-only@example.com', PASSWORD],
      ['not an email', PASSWORD],
    ] as const) {
      await expect(signIn(email, password, '192.0.2.2', at(0)), email).resolves.toBeNull();
    }
    const rows = await attempts(`where address = '192.0.2.2'`);
    expect(rows.map((r) => [r.email, r.succeeded])).toEqual([
      ['sre@example.com', false],
      ['nobody@example.com', false],
      ['gone@example.com', false],
      ['sso-only@example.com', false],
      ['<not an email>', false], // whatever was typed there may be a password
    ]);
    // Never the password.
    expect(JSON.stringify(await attempts())).not.toContain(PASSWORD);
  });

  it('spends one scrypt run on unknown accounts too, with the same parameters as real hashes', async () => {
    const params = (hash: string) => hash.split('$').slice(0, 4);
    expect(params(DUMMY_PASSWORD_HASH)).toEqual(params(await hashPassword('anything at all')));

    const { db } = await testDatabase();
    await createUser(db, { email: 'timing@example.com', role: 'viewer', password: PASSWORD });
    // Five failures each (the limit is reached only by a sixth). Interleaved, so a load spike from parallel test files hits both sides alike; medians of five.
    const runs = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      for (const [side, email] of [['known', 'timing@example.com'], ['unknown', 'nobody-at-all@example.com']] as const) {
        const started = performance.now();
        await signIn(email, 'wrong password!!', `198.51.100.${i * 2 + (side === 'known' ? 10 : 11)}`, at(0));
        runs[side].push(performance.now() - started);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    const ratio = median(runs.unknown) / median(runs.known);
    // A skipped hash would answer in a few milliseconds against scrypt's tens (ratio ≈ 0.05).
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('rate limit', () => {
  it(`locks an account after ${SIGN_IN_LIMITS.perAccount} failures in 15 minutes, whichever address, even with the right password`, async () => {
    const { db } = await testDatabase();
    await createUser(db, { email: 'target@example.com', role: 'viewer', password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await expect(signIn('target@example.com', `guess number ${i}`, `203.0.113.${i}`, at(10 + i))).resolves.toBeNull();
    }
    const before = (await attempts()).length;
    const refused = signIn('Target@example.com', PASSWORD, '203.0.113.99', at(15));
    await expect(refused).rejects.toBeInstanceOf(SignInRateLimited);
    // The first failure (at 10) leaves the window at 25: ten minutes from 15.
    await expect(refused).rejects.toMatchObject({ retryAfterMinutes: 10, code: 'rate_limited' });
    // A refused try is not stored, so it does not extend the wait it was told about.
    expect((await attempts()).length).toBe(before);
    // Once the oldest failure leaves the window, the right password works again.
    await expect(signIn('target@example.com', PASSWORD, '203.0.113.99', at(25.01))).resolves.not.toBeNull();
  });

  it('counts parallel guesses against each other: a burst of 12 gets exactly the 5 tries the limit allows', async () => {
    const { db, rawQuery } = await testDatabase();
    await createUser(db, { email: 'burst@example.com', role: 'viewer', password: PASSWORD });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => signIn('burst@example.com', `parallel guess ${i}`, `203.0.115.${i}`, at(100))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof SignInRateLimited)).toHaveLength(12 - SIGN_IN_LIMITS.perAccount);
    const stored = await rawQuery(`select 1 from sign_in_attempts where email = 'burst@example.com'`);
    expect(stored).toHaveLength(SIGN_IN_LIMITS.perAccount);
  });

  it('never stores or logs a password typed into the email field', async () => {
    const { rawQuery } = await testDatabase();
    await signIn('Hunter2-secret-pass', 'whatever', '203.0.116.1', at(110));
    expect(await rawQuery(`select 1 from sign_in_attempts where email ilike '%hunter2%'`)).toHaveLength(0);
    expect(await rawQuery(`select 1 from sign_in_attempts where email = '<not an email>' and address = '203.0.116.1'`)).toHaveLength(1);
  });

  it('answers an unknown account exactly like a known one (the limit reveals nothing)', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await signIn('ghost@example.com', `guess ${i}`, `203.0.114.${i}`, at(30));
    }
    await expect(signIn('ghost@example.com', PASSWORD, '203.0.114.99', at(31))).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMinutes: 14,
    });
  });

  it('forgives failures before a successful sign-in', async () => {
    const { db } = await testDatabase();
    await createUser(db, { email: 'fumbler@example.com', role: 'viewer', password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await signIn('fumbler@example.com', 'typo typo typo', '192.0.2.50', at(40));
    await expect(signIn('fumbler@example.com', PASSWORD, '192.0.2.50', at(41))).resolves.not.toBeNull();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await signIn('fumbler@example.com', 'typo typo typo', '192.0.2.50', at(42));
    await expect(signIn('fumbler@example.com', PASSWORD, '192.0.2.50', at(43))).resolves.not.toBeNull();
  });

  it(`locks a client address after ${SIGN_IN_LIMITS.perAddress} failures across accounts; other addresses are unaffected`, async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await signIn(`spray-${i}@example.com`, 'Winter2026!!', '198.51.100.66', at(50));
    }
    await expect(signIn('sre@example.com', PASSWORD, '198.51.100.66', at(51))).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMinutes: 14,
    });
    await expect(signIn('sre@example.com', PASSWORD, '198.51.100.67', at(51))).resolves.not.toBeNull();
  });

  it('prunes attempts older than a day now and then', async () => {
    const { db, rawQuery } = await testDatabase();
    const { recordSignInAttempt } = await import('@/db/queries/sign-in-attempts');
    await recordSignInAttempt(db, { email: 'old@example.com', address: '192.0.2.99', succeeded: false, at: at(-25 * 60) });
    // Pruning runs at most every 10 minutes per process: an attempt an hour later prunes.
    await signIn('sre@example.com', PASSWORD, '192.0.2.98', at(24 * 60));
    const left = await rawQuery(`select 1 from sign_in_attempts where email = 'old@example.com'`);
    expect(left).toHaveLength(0);
  });
});
