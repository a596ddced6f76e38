/**
 * Sign-in attempts: the memory the sign-in rate limit reads (lib/auth/sign-in-limit.ts).
 * Emails are stored lower-cased so `Ops@x` and `ops@x` count as one account.
 */
import 'server-only';
import { and, desc, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { signInAttempts } from '../schema';

export interface AttemptInput {
  email: string;
  address: string;
  succeeded: boolean;
  at?: Date;
}

/** Records an attempt and returns its id. */
export async function recordSignInAttempt(db: Db, attempt: AttemptInput): Promise<number> {
  const [row] = await db
    .insert(signInAttempts)
    .values({
      email: attempt.email.toLowerCase(),
      address: attempt.address,
      succeeded: attempt.succeeded,
      ...(attempt.at && { attemptedAt: attempt.at }),
    })
    .returning({ id: signInAttempts.id });
  return row!.id;
}

/** An attempt recorded as failed before its password check turned out right. */
export async function markSignInSucceeded(db: Db, id: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, id));
}

/** The advisory-lock names of one account and one client address. */
export function signInLockKeys(email: string, address: string): [string, string] {
  return [`sign-in:account:${email.toLowerCase()}`, `sign-in:address:${address}`];
}

/**
 * Tries to take the account's and the address's locks until the caller's
 * transaction ends, so parallel attempts in other processes count each other.
 * Never waits: false when another process holds either one (the caller ends
 * its transaction, giving its connection back, and tries again later).
 * Within a process, callers already queue per key (lib/auth/sign-in-queue.ts).
 */
export async function tryLockSignInKeys(tx: Db, email: string, address: string): Promise<boolean> {
  const [account, addr] = signInLockKeys(email, address);
  const result: unknown = await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext(${account})) and pg_try_advisory_xact_lock(hashtext(${addr})) as locked`,
  );
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { locked: boolean }[];
  return rows[0]?.locked === true;
}

/**
 * Times of the newest failed attempts for one account (`email`) or one client
 * address after `since`, newest first, at most `limit` of them — enough to
 * decide whether a limit is reached and when it lifts.
 */
export async function recentFailures(
  db: Db,
  by: { email: string } | { address: string },
  since: Date,
  limit: number,
): Promise<Date[]> {
  const key =
    'email' in by ? eq(signInAttempts.email, by.email.toLowerCase()) : eq(signInAttempts.address, by.address);
  const rows = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(key, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(limit);
  return rows.map((r) => r.at);
}

/** The account's last successful sign-in, if any (a success forgives earlier failures). */
export async function lastSuccess(db: Db, email: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email.toLowerCase()), eq(signInAttempts.succeeded, true)));
  return row?.at ?? null;
}

/** Deletes attempts older than `before`; returns how many went. */
export async function pruneSignInAttempts(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.attemptedAt, before))
    .returning({ id: signInAttempts.id });
  return deleted.length;
}
