import { describe, expect, it } from 'vitest';
import {
  SESSION_IDLE_SECONDS,
  sessionCookieSeconds,
  sessionExpired,
  sessionVerdict,
} from '@/lib/auth/session-policy';

const hour = 3_600_000;
const now = Date.UTC(2026, 0, 10, 12);
const enabled = { disabledAt: null, sessionsValidAfter: null };

describe('absolute session lifetime', () => {
  it('defaults to 12 hours from sign-in, however often the cookie was re-issued', () => {
    expect(sessionExpired(now - 11.9 * hour, now, 12)).toBe(false);
    expect(sessionExpired(now - 12 * hour, now, 12)).toBe(true);
    expect(sessionVerdict(enabled, now - 13 * hour, now, 12)).toEqual({ valid: false, reason: 'expired' });
    expect(sessionVerdict(enabled, now - 1 * hour, now, 12)).toEqual({ valid: true });
  });

  it('treats a cookie without a sign-in time (from before it was recorded) as expired', () => {
    for (const signedInAt of [undefined, 0, -1, '1700000000000', Number.NaN, null]) {
      expect(sessionExpired(signedInAt, now, 12), String(signedInAt)).toBe(true);
    }
  });

  it('re-issues cookies for the idle limit, never beyond the absolute one', () => {
    expect(sessionCookieSeconds(12)).toBe(SESSION_IDLE_SECONDS);
    expect(sessionCookieSeconds(2)).toBe(2 * 3600);
  });
});

describe('sessionVerdict', () => {
  it('voids sessions signed in at or before sessions_valid_after, not later ones', () => {
    const user = { disabledAt: null, sessionsValidAfter: new Date(now - hour) };
    expect(sessionVerdict(user, now - 2 * hour, now, 12)).toEqual({ valid: false, reason: 'voided' });
    expect(sessionVerdict(user, now - hour, now, 12)).toEqual({ valid: false, reason: 'voided' });
    expect(sessionVerdict(user, now - hour + 1, now, 12)).toEqual({ valid: true });
  });

  it('refuses a missing or disabled user', () => {
    expect(sessionVerdict(undefined, now - hour, now, 12)).toEqual({ valid: false, reason: 'no-user' });
    expect(sessionVerdict({ disabledAt: new Date(), sessionsValidAfter: null }, now - hour, now, 12)).toEqual({
      valid: false,
      reason: 'disabled',
    });
  });
});
