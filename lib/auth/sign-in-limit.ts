/**
 * Rate limit of failed sign-ins, per account and per client address, read
 * from `sign_in_attempts`. A limited attempt is answered the same way whether
 * or not the account exists, so the limit reveals nothing about accounts.
 *
 * - per account: 5 failures in 15 minutes (a successful sign-in forgives the
 *   failures before it, so a typo after signing in is not held against you);
 * - per address: 20 failures in 15 minutes (slows guessing across many accounts).
 */
import 'server-only';
import type { Db } from '@/db/client';
import { lastSuccess, recentFailures } from '@/db/queries/sign-in-attempts';

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
} as const;

export type LimitVerdict = { limited: false } | { limited: true; retryAfterMinutes: number };

/**
 * When a limit of `max` failures per window lifts, given the newest failures
 * in the window (newest first): once the max-th newest leaves the window.
 * Null when fewer than `max` failures: not limited.
 */
export function limitLiftsAt(failuresNewestFirst: Date[], max: number, windowMs: number): Date | null {
  const oldestCounted = failuresNewestFirst[max - 1];
  return oldestCounted ? new Date(oldestCounted.getTime() + windowMs) : null;
}

/** Whole minutes until `liftsAt`, at least 1 (never "try again in 0 minutes"). */
export function minutesUntil(liftsAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((liftsAt.getTime() - now.getTime()) / 60_000));
}

export async function checkSignInLimit(
  db: Db,
  email: string,
  address: string,
  now: Date = new Date(),
  limits = SIGN_IN_LIMITS,
): Promise<LimitVerdict> {
  const windowStart = new Date(now.getTime() - limits.windowMs);
  const success = await lastSuccess(db, email);
  const accountSince = success && success > windowStart ? success : windowStart;
  const [accountFailures, addressFailures] = await Promise.all([
    recentFailures(db, { email }, accountSince, limits.perAccount),
    recentFailures(db, { address }, windowStart, limits.perAddress),
  ]);
  const lifts = [
    limitLiftsAt(accountFailures, limits.perAccount, limits.windowMs),
    limitLiftsAt(addressFailures, limits.perAddress, limits.windowMs),
  ].filter((d): d is Date => d !== null && d > now);
  if (lifts.length === 0) return { limited: false };
  const latest = new Date(Math.max(...lifts.map((d) => d.getTime())));
  return { limited: true, retryAfterMinutes: minutesUntil(latest, now) };
}
