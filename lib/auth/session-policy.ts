/**
 * When a browser session counts — the one place that decides it. The session
 * cookie is a stateless JWT (Auth.js), re-issued for another 8 hours whenever
 * it is read, so on its own a copied cookie that keeps being used would live
 * for ever. On top of that:
 *
 * - an absolute lifetime: SESSION_MAX_HOURS (default 12) after signing in,
 *   whatever the use; the JWT carries the sign-in time (`signedInAt`);
 * - `users.sessions_valid_after`: signing out and disabling an account set it,
 *   voiding every session signed in at or before it — so re-enabling the
 *   account does not bring the old cookies back;
 * - the user must exist and be enabled now.
 *
 * The JWT callback (lib/auth/next-auth.ts) applies the lifetime when Auth.js
 * reads the cookie; currentUser (lib/auth/session.ts) applies all of it, with
 * the user row, on every request a page, route or action serves.
 */
import type { User } from '@/db/schema';
import { env } from '@/lib/env';

/** Idle limit: a session unused this long ends even before its absolute lifetime. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

/** SESSION_MAX_HOURS (default 12; its bounds are in lib/env.ts). */
function sessionMaxHours(): number {
  return env().sessionMaxHours;
}

/** How long Auth.js makes each cookie last: the idle limit, never beyond the absolute one. */
export function sessionCookieSeconds(maxHours: number = sessionMaxHours()): number {
  return Math.min(SESSION_IDLE_SECONDS, Math.floor(maxHours * 3600));
}

/** True once the absolute lifetime since sign-in is over (or the sign-in time is missing: a cookie from before it was recorded). */
export function sessionExpired(signedInAt: unknown, now: number = Date.now(), maxHours: number = sessionMaxHours()): boolean {
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt) || signedInAt <= 0) return true;
  return now - signedInAt >= maxHours * 3_600_000;
}

export type SessionVerdict =
  | { valid: true }
  | { valid: false; reason: 'expired' | 'no-user' | 'disabled' | 'voided' };

/** Whether a session signed in at `signedInAt` still counts for `user` (the row as the database holds it now). */
export function sessionVerdict(
  user: Pick<User, 'disabledAt' | 'sessionsValidAfter'> | undefined,
  signedInAt: unknown,
  now: number = Date.now(),
  maxHours: number = sessionMaxHours(),
): SessionVerdict {
  if (sessionExpired(signedInAt, now, maxHours)) return { valid: false, reason: 'expired' };
  if (!user) return { valid: false, reason: 'no-user' };
  if (user.disabledAt) return { valid: false, reason: 'disabled' };
  // Signed out (or disabled) since this session signed in: a copy of its cookie is worthless too.
  if (user.sessionsValidAfter && (signedInAt as number) <= user.sessionsValidAfter.getTime()) {
    return { valid: false, reason: 'voided' };
  }
  return { valid: true };
}
