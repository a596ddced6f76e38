import { describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { OIDC_PROVIDER_ID, oidcProvider, readOidcSettings, resolveOidcUser } from '@/lib/auth/oidc';

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
      resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com', email_verified: true }, directory(user())),
    ).resolves.toEqual({ id: user().id, email: 'Ops@Example.com', name: 'Ops' });
    // Providers that omit email_verified are trusted.
    await expect(resolveOidcUser({ sub: 'idp-123', email: 'ops@example.com' }, directory(user()))).resolves.not.toBeNull();
  });

  it('refuses unknown and disabled users: no auto-provisioning', async () => {
    await expect(resolveOidcUser({ sub: 'x', email: 'stranger@example.com' }, directory(user()))).resolves.toBeNull();
    await expect(
      resolveOidcUser({ sub: 'x', email: 'ops@example.com' }, directory(user({ disabledAt: new Date() }))),
    ).resolves.toBeNull();
  });

  it('refuses a missing or unverified email', async () => {
    await expect(resolveOidcUser({ sub: 'x' }, directory(user()))).resolves.toBeNull();
    await expect(resolveOidcUser(undefined, directory(user()))).resolves.toBeNull();
    await expect(resolveOidcUser({ sub: 'x', email: 42 }, directory(user()))).resolves.toBeNull();
    await expect(
      resolveOidcUser({ sub: 'x', email: 'ops@example.com', email_verified: false }, directory(user())),
    ).resolves.toBeNull();
  });
});
