/**
 * The credentials check behind the sign-in form: rate limit → user lookup →
 * scrypt → record the attempt. Kept apart from the Auth.js wiring so the
 * rules (timing, limits, recording) are tested against a real database.
 */
// The class next-auth re-exports, imported from its source so this module loads outside Next.js (tests).
import 'server-only';
import { CredentialsSignin } from '@auth/core/errors';
import type { Db } from '@/db/client';
import {
  markSignInSucceeded,
  pruneSignInAttempts,
  recordSignInAttempt,
  signInLockKeys,
  tryLockSignInKeys,
} from '@/db/queries/sign-in-attempts';
import { findUserByEmail } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { log } from '@/lib/log';
import { clientAddress } from './client-address';
import { verifyPassword } from './password';
import { checkSignInLimit, type LimitVerdict } from './sign-in-limit';
import { Semaphore, withKeys } from './sign-in-queue';

/**
 * A scrypt hash of a random password nobody knows, with the same parameters
 * as real hashes. Unknown, disabled and password-less accounts are verified
 * against it, so they take as long to refuse as a wrong password does and the
 * answer time does not reveal which emails have accounts.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$32768$8$1$eDJqpL+gRFw2JdahW4CCMg==$rW7aDRGw50BrLuWZhrHXOC5AaEe+/iKwctVEcBxGsyWGA3IPMSYI930xTWrD5R3HYnHq+21VoqR32JOcx0krNg==';

const MAX_EMAIL = 320;
const MAX_PASSWORD = 1024;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** Refused because of the rate limit; Auth.js passes `code` on, the form reads the minutes. */
export class SignInRateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

// Attempts are kept a day (for the record), pruned at most every 10 minutes per process.
const KEEP_ATTEMPTS_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrune = 0;

/**
 * Sign-in transactions at once per process: each is a handful of short
 * queries, so two keep a burst moving while leaving the rest of the pool
 * (10 connections by default) to every other request.
 */
const gateSlots = new Semaphore(2);
/** scrypt runs at once per process (32 MiB and tens of ms each, on libuv's 4 threads). */
const scryptSlots = new Semaphore(2);
/** Back-off while another process holds the account's or address's lock (its transaction is short). */
const LOCK_RETRY_MS = { min: 5, jitter: 20, giveUpAfter: 10_000 };

type Gate = (LimitVerdict & { limited: true }) | { limited: false; attemptId: number; user: User | undefined };

/**
 * Checks the limit and records this attempt — as failed until the password
 * proves right — in one short transaction per account and address, so
 * parallel guesses count each other instead of all passing a check that none
 * of them has recorded yet. Waiting happens in memory, never in a transaction.
 */
async function gate(db: Db, account: string, address: string, lookUp: string | null, now: Date): Promise<Gate> {
  return withKeys(signInLockKeys(account, address), async () => {
    const giveUpAt = Date.now() + LOCK_RETRY_MS.giveUpAfter;
    for (;;) {
      const result = await gateSlots.run(() =>
        db.transaction(async (tx): Promise<Gate | 'busy'> => {
          if (!(await tryLockSignInKeys(tx, account, address))) return 'busy';
          const verdict = await checkSignInLimit(tx, account, address, now);
          if (verdict.limited) return verdict;
          const attemptId = await recordSignInAttempt(tx, { email: account, address, succeeded: false, at: now });
          return { limited: false, attemptId, user: lookUp ? await findUserByEmail(tx, lookUp) : undefined };
        }),
      );
      if (result !== 'busy') return result;
      if (Date.now() > giveUpAt) throw new Error('sign-in lock held by another process for too long');
      await new Promise((r) => setTimeout(r, LOCK_RETRY_MS.min + Math.random() * LOCK_RETRY_MS.jitter));
    }
  });
}

async function pruneNowAndThen(db: Db, now: Date): Promise<void> {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  try {
    await pruneSignInAttempts(db, new Date(now.getTime() - KEEP_ATTEMPTS_MS));
  } catch (error) {
    log.error('pruning sign-in attempts failed', { error });
  }
}

/**
 * Returns the user for a correct email and password, null otherwise.
 * Throws SignInRateLimited — before looking at the account — when the
 * account or the client address has too many recent failures.
 */
export async function authorizeCredentials(
  db: Db,
  raw: Partial<Record<string, unknown>>,
  headers: Headers,
  now: Date = new Date(),
): Promise<SignedInUser | null> {
  const address = clientAddress(headers);
  const email = typeof raw.email === 'string' ? raw.email.trim().toLowerCase().slice(0, MAX_EMAIL) : '';
  const password = typeof raw.password === 'string' ? raw.password.slice(0, MAX_PASSWORD) : '';

  // What is logged and stored as the account: never a password typed into the email field.
  const account = EMAIL_SHAPE.test(email) ? email : '<not an email>';

  const lookUp = account !== '<not an email>' && password ? email : null;
  const checked = await gate(db, account, address, lookUp, now);
  if (checked.limited) {
    // Not stored as an attempt: a refused try must not extend the wait it was told about.
    log.warn('sign-in refused: too many failed attempts', { email: account, address });
    throw new SignInRateLimited(checked.retryAfterMinutes);
  }

  const found = checked.user;
  const usable = found?.passwordHash && !found.disabledAt ? found : undefined;
  // Always exactly one scrypt run, whatever the account's state; queued in memory when many run at once.
  const matches = await scryptSlots.run(() => verifyPassword(password, usable?.passwordHash ?? DUMMY_PASSWORD_HASH));
  const succeeded = usable !== undefined && matches;

  if (succeeded) await markSignInSucceeded(db, checked.attemptId);
  await pruneNowAndThen(db, now);
  if (!succeeded || !usable) return null;
  return { id: usable.id, email: usable.email, name: usable.name ?? usable.email };
}
