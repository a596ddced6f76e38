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

/**
 * Serialises limit checks for one account and one address until the caller's
 * transaction ends, so parallel attempts count each other (in a fixed order:
 * account, then address, so two callers cannot deadlock).
 */
export async function lockSignInKeys(tx: Db, email: string, address: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:account:${email.toLowerCase()}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:address:${address}`}))`);
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
