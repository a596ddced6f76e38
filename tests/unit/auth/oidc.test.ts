import { describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { emailVerified, OIDC_PROVIDER_ID, oidcClaims, oidcProvider, readOidcSettings, requireVerifiedEmail, resolveOidcUser } from '@/lib/auth/oidc';

const full = {
  AUTH_OIDC_ISSUER: 'https://login.example.com/realms/ops/',
  AUTH_OIDC_CLIENT_ID: 'console',
  AUTH_OIDC_CLIENT_SECRET: 'not-a-real-secret',
};

describe('readOidcSettings', () => {
  it('is off when nothing is configured', () => {
    expect(readOidcSettings({})).toEqual({ settings: null });
    expect(readOidcSettings({ AUTH_OIDC_NAME: 'Okta' })).toEqual({ settings: null });
  });

  it('reads all three variables, trims the issuer, defaults the label', () => {
    expect(readOidcSettings(full)).toEqual({
      settings: { issuer: 'https://login.example.com/realms/ops', clientId: 'console', clientSecret: 'not-a-real-secret', name: 'SSO' },
    });
    expect(readOidcSettings({ ...full, AUTH_OIDC_NAME: ' Okta ' }).settings?.name).toBe('Okta');
  });

  it('names what is missing in a partial configuration, and never echoes the secret', () => {
    const { settings, error } = readOidcSettings({ AUTH_OIDC_ISSUER: full.AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_SECRET: 'x' });
    expect(settings).toBeNull();
    expect(error).toContain('AUTH_OIDC_CLIENT_ID');
    expect(error).not.toContain('AUTH_OIDC_CLIENT_SECRET');
    const blank = readOidcSettings({ ...full, AUTH_OIDC_CLIENT_SECRET: '   ' });
    expect(blank.error).toContain('AUTH_OIDC_CLIENT_SECRET');
  });

  it('refuses an issuer that is not an http(s) URL', () => {
    expect(readOidcSettings({ ...full, AUTH_OIDC_ISSUER: 'login.example.com' }).error).toMatch(/AUTH_OIDC_ISSUER/);
    expect(readOidcSettings({ ...full, AUTH_OIDC_ISSUER: 'ftp://login.example.com' }).error).toMatch(/http/);
    const secretFree = readOidcSettings({ ...full, AUTH_OIDC_ISSUER: 'nope' }).error!;
    expect(secretFree).not.toContain(full.AUTH_OIDC_CLIENT_SECRET);
  });
});

describe('oidcProvider', () => {
  it('is an OIDC provider with discovery from the issuer, PKCE and state', () => {
    const provider = oidcProvider(readOidcSettings({ ...full, AUTH_OIDC_NAME: 'Okta' }).settings!);
    expect(provider).toMatchObject({
      id: OIDC_PROVIDER_ID,
      type: 'oidc',
      name: 'Okta',
      issuer: 'https://login.example.com/realms/ops',
      clientId: 'console',
      clientSecret: 'not-a-real-secret',
    });
    expect(provider.checks).toEqual(expect.arrayContaining(['pkce', 'state']));
    // Claims are asked from userinfo: an ID token carrying only `sub` (oidc-provider's default) is enough.
    expect(provider.idToken).toBe(false);
  });
});

describe('oidcClaims', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it("takes userinfo's claims over the ID token's, and fills in what userinfo leaves out", () => {
    expect(oidcClaims({ sub: 'a', email: 'ops@example.com' }, jwt({ sub: 'a', email_verified: false, email: 'old@example.com' }))).toEqual({
      sub: 'a',
      email: 'ops@example.com',
      email_verified: false,
    });
    expect(oidcClaims({ sub: 'a', email: 'x@example.com' }, undefined)).toEqual({ sub: 'a', email: 'x@example.com' });
    expect(oidcClaims({ sub: 'a' }, 'not a jwt')).toEqual({ sub: 'a' });
    expect(oidcClaims(undefined, undefined)).toBeUndefined();
  });
});

describe('email_verified', () => {
  it('counts only boolean true and the string "true" as verified', () => {
    expect(emailVerified(true, false)).toBe(true);
    expect(emailVerified('true', true)).toBe(true);
    for (const claim of [false, 'false', 'False', 'TRUE', 'yes', '1', 1, 0, null, '', {}, []]) {
      expect(emailVerified(claim, false), JSON.stringify(claim)).toBe(false);
    }
  });

  it('allows an absent claim unless AUTH_OIDC_REQUIRE_EMAIL_VERIFIED is set', () => {
    expect(emailVerified(undefined, false)).toBe(true);
    expect(emailVerified(undefined, true)).toBe(false);
    expect(requireVerifiedEmail({})).toBe(false);
    expect(requireVerifiedEmail({ AUTH_OIDC_REQUIRE_EMAIL_VERIFIED: '1' })).toBe(true);
    expect(requireVerifiedEmail({ AUTH_OIDC_REQUIRE_EMAIL_VERIFIED: 'true' })).toBe(true);
    expect(requireVerifiedEmail({ AUTH_OIDC_REQUIRE_EMAIL_VERIFIED: '0' })).toBe(false);
    expect(() => requireVerifiedEmail({ AUTH_OIDC_REQUIRE_EMAIL_VERIFIED: 'yes please' })).toThrow(/AUTH_OIDC_REQUIRE_EMAIL_VERIFIED/);
  });
});

describe('resolveOidcUser', () => {
  const user = (over: Partial<User> = {}): User => ({
    id: '7b0c3c52-5f0e-4c36-9a51-52e0f9a0b9a1',
    email: 'Ops@Example.com',
    name: 'Ops',
    role: 'approver',
    passwordHash: null,
    createdAt: new Date(),
    disabledAt: null,
    sessionsValidAfter: null,
    ...over,
  });
  const directory = (u: User | undefined) => async (email: string) =>
    u && u.email.toLowerCase() === email.toLowerCase() ? u : undefined;

  it('maps the email claim to our user id (the session subject)', async () => {
    await expect(
      resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com', email_verified: true }, directory(user()), false),
    ).resolves.toEqual({ user: { id: user().id, email: 'Ops@Example.com', name: 'Ops' } });
    await expect(
      resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com', email_verified: 'true' }, directory(user()), true),
    ).resolves.toHaveProperty('user');
    // Providers that omit email_verified are trusted, unless the setting requires the claim.
    await expect(resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com' }, directory(user()), false)).resolves.toHaveProperty('user');
    await expect(resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com' }, directory(user()), true)).resolves.toEqual({
      refused: 'email-unverified',
    });
  });

  it('refuses unknown and disabled users: no auto-provisioning', async () => {
    const noAccount = { refused: 'no-account' };
    await expect(resolveOidcUser({ sub: 'x', email: 'stranger@example.com' }, directory(user()), false)).resolves.toEqual(noAccount);
    await expect(
      resolveOidcUser({ sub: 'x', email: 'ops@example.com' }, directory(user({ disabledAt: new Date() })), false),
    ).resolves.toEqual(noAccount);
    await expect(resolveOidcUser({ sub: 'x' }, directory(user()), false)).resolves.toEqual(noAccount);
    await expect(resolveOidcUser(undefined, directory(user()), false)).resolves.toEqual(noAccount);
    await expect(resolveOidcUser({ sub: 'x', email: 42 }, directory(user()), false)).resolves.toEqual(noAccount);
  });

  it('refuses an unverified email, with a reason of its own even though the account exists', async () => {
    for (const email_verified of [false, 'false', 'no', 0, null]) {
      await expect(
        resolveOidcUser({ sub: 'x', email: 'ops@example.com', email_verified }, directory(user()), false),
        JSON.stringify(email_verified),
      ).resolves.toEqual({ refused: 'email-unverified' });
    }
  });
});
