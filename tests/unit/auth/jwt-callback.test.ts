/**
 * The JWT callback (lib/auth/session-jwt.ts) Auth.js runs on every read of the session cookie: it stops
 * re-issuing a session past its absolute lifetime (Auth.js then deletes the
 * cookie), and what it seals into the cookie is exactly what README says.
 */
import { describe, expect, it } from 'vitest';
import { sessionJwt as jwt } from '@/lib/auth/session-jwt';
import { sessionCookieSeconds } from '@/lib/auth/session-policy';

const hour = 3_600_000;

describe('session JWT', () => {
  it('is not re-issued once 12 hours have passed since sign-in, however often it was used', async () => {
    await expect(jwt({ token: { sub: 'u1', signedInAt: Date.now() - 13 * hour, name: 'x' } })).resolves.toBeNull();
    await expect(jwt({ token: { sub: 'u1' } })).resolves.toBeNull(); // no sign-in time: from before it was recorded
    await expect(jwt({ token: { sub: 'u1', signedInAt: Date.now() - 11 * hour } })).resolves.toMatchObject({ sub: 'u1' });
  });

  it('carries only our user id and the sign-in time (Auth.js adds iat, exp, jti when sealing)', async () => {
    const before = Date.now();
    const signedIn = await jwt({
      token: { sub: 'u1', name: 'Ops', email: 'ops@example.com', picture: null },
      user: { id: 'u1', email: 'ops@example.com', name: 'Ops' },
      account: { provider: 'credentials', type: 'credentials', providerAccountId: 'u1' },
    });
    expect(Object.keys(signedIn!).sort()).toEqual(['signedInAt', 'sub']);
    expect(signedIn!.signedInAt).toBeGreaterThanOrEqual(before);
    const refreshed = await jwt({ token: { ...signedIn!, iat: 1, exp: 2, jti: 'j' } });
    expect(refreshed).toEqual({ sub: 'u1', signedInAt: signedIn!.signedInAt });
  });

  it('sets a cookie lifetime no longer than the idle limit of 8 hours', () => {
    expect(sessionCookieSeconds()).toBe(8 * 60 * 60);
  });
});
