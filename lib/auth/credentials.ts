/**
 * The credentials check behind the sign-in form: rate limit → user lookup →
 * scrypt → record the attempt. Kept apart from the Auth.js wiring so the
 * rules (timing, limits, recording) are tested against a real database.
 */
// The class next-auth re-exports, imported from its source so this module loads outside Next.js (tests).
import 'server-only';
import { CredentialsSignin } from '@auth/core/errors';
import type { Db } from '@/db/client';
import { lockSignInKeys, markSignInSucceeded, pruneSignInAttempts, recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { findUserByEmail } from '@/db/queries/users';
import { log } from '@/lib/log';
import { clientAddress } from './client-address';
import { verifyPassword } from './password';
import { checkSignInLimit } from './sign-in-limit';

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

  // Check the limit and record this attempt — as failed until the password proves
  // right — in one step per account and address, so parallel guesses count each
  // other instead of all passing a check that none of them has recorded yet.
  const gate = await db.transaction(async (tx) => {
    await lockSignInKeys(tx, account, address);
    const verdict = await checkSignInLimit(tx, account, address, now);
    if (verdict.limited) return verdict;
    return { limited: false as const, attemptId: await recordSignInAttempt(tx, { email: account, address, succeeded: false, at: now }) };
  });
  if (gate.limited) {
    // Not stored as an attempt: a refused try must not extend the wait it was told about.
    log.warn('sign-in refused: too many failed attempts', { email: account, address });
    throw new SignInRateLimited(gate.retryAfterMinutes);
  }

  const found = account !== '<not an email>' && password ? await findUserByEmail(db, email) : undefined;
  const usable = found?.passwordHash && !found.disabledAt ? found : undefined;
  // Always exactly one scrypt run, whatever the account's state.
  const matches = await verifyPassword(password, usable?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const succeeded = usable !== undefined && matches;

  if (succeeded) await markSignInSucceeded(db, gate.attemptId);
  await pruneNowAndThen(db, now);
  if (!succeeded || !usable) return null;
  return { id: usable.id, email: usable.email, name: usable.name ?? usable.email };
}
