/**
 * The optional single sign-on provider, configured by environment:
 * AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET (all three, or
 * none), AUTH_OIDC_NAME (the button label, default "SSO") and
 * AUTH_OIDC_REQUIRE_EMAIL_VERIFIED (see requireVerifiedEmail).
 *
 * No auto-provisioning: the identity provider proves an email address, and
 * only an existing, enabled console user with that email may sign in. An
 * admin creates the account (and picks its role) first. The session then
 * carries our user id, not the provider's `sub`, so roles, disabling and the
 * rest of the console work exactly as for password users.
 */
import 'server-only';
// From @auth/core, the package next-auth re-exports it from (next-auth itself needs Next.js to load).
import { customFetch } from '@auth/core';
import type { OIDCConfig } from 'next-auth/providers';
import { createOutboundFetch } from '@/lib/executors/http/outbound';
import type { User } from '@/db/schema';

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

/** `settings` null = OIDC off; `error` names what is wrong with a partial or bad configuration. */
export function readOidcSettings(env: Record<string, string | undefined>): {
  settings: OidcSettings | null;
  error?: string;
} {
  const values = {
    AUTH_OIDC_ISSUER: env.AUTH_OIDC_ISSUER?.trim(),
    AUTH_OIDC_CLIENT_ID: env.AUTH_OIDC_CLIENT_ID?.trim(),
    AUTH_OIDC_CLIENT_SECRET: env.AUTH_OIDC_CLIENT_SECRET?.trim(),
  };
  const missing = Object.entries(values).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length === 3) return { settings: null };
  if (missing.length > 0) {
    return { settings: null, error: `OIDC sign-in is partly configured: set ${missing.join(', ')} too, or none of them` };
  }
  let issuer: URL;
  try {
    issuer = new URL(values.AUTH_OIDC_ISSUER!);
  } catch {
    return { settings: null, error: 'AUTH_OIDC_ISSUER must be the issuer URL, e.g. https://login.example.com/realms/ops' };
  }
  if (issuer.protocol !== 'https:' && issuer.protocol !== 'http:') {
    return { settings: null, error: 'AUTH_OIDC_ISSUER must be an http(s) URL' };
  }
  // Discovery, keys and tokens travel over this origin: plain http only where nothing is on the wire.
  if (issuer.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) {
    return { settings: null, error: 'AUTH_OIDC_ISSUER must be an https URL (http is accepted only for localhost, 127.0.0.1 and ::1)' };
  }
  return {
    settings: {
      // Auth.js appends /.well-known/openid-configuration; a trailing slash would double it.
      issuer: values.AUTH_OIDC_ISSUER!.replace(/\/+$/, ''),
      clientId: values.AUTH_OIDC_CLIENT_ID!,
      clientSecret: values.AUTH_OIDC_CLIENT_SECRET!,
      name: env.AUTH_OIDC_NAME?.trim() || 'SSO',
    },
  };
}

export interface OidcProfile {
  sub?: string | null;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  [claim: string]: unknown;
}

export function oidcProvider(settings: OidcSettings): OIDCConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: 'oidc',
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // PKCE against stolen codes, state against login CSRF.
    checks: ['pkce', 'state'],
    // Discovery, token and userinfo calls: capped answers, no redirect to another host.
    [customFetch]: createOutboundFetch(),
    // Claims come from the userinfo endpoint: many providers (oidc-provider with its defaults, for one)
    // put only `sub` in the ID token of a code flow. Auth.js checks that userinfo's `sub` is the ID token's;
    // oidcClaims() fills in what userinfo leaves out from the (already validated) ID token.
    idToken: false,
  };
}

/**
 * The claims an OIDC sign-in is judged by: the userinfo answer (Auth.js's
 * `profile` with `idToken: false`) over the ID token's claims. The ID token
 * was validated by Auth.js (signature, issuer, audience, nonce) before it
 * asked userinfo, so decoding its payload here is safe.
 */
export function oidcClaims(profile: OidcProfile | undefined, idToken: unknown): OidcProfile | undefined {
  let fromIdToken: OidcProfile = {};
  if (typeof idToken === 'string') {
    try {
      const payload: unknown = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
      if (payload && typeof payload === 'object') fromIdToken = payload as OidcProfile;
    } catch {
      // Not a JWT we can read: userinfo alone decides.
    }
  }
  if (!profile && Object.keys(fromIdToken).length === 0) return undefined;
  return { ...fromIdToken, ...profile };
}

/**
 * AUTH_OIDC_REQUIRE_EMAIL_VERIFIED: `1` (or `true`) refuses sign-ins whose
 * provider does not say `email_verified` at all; unset (or `0`/`false`)
 * trusts such providers. Anything else stops the start (lib/server/start.ts).
 */
export function requireVerifiedEmail(env: Record<string, string | undefined>): boolean {
  const raw = env.AUTH_OIDC_REQUIRE_EMAIL_VERIFIED?.trim().toLowerCase() ?? '';
  if (raw === '1' || raw === 'true') return true;
  if (raw === '' || raw === '0' || raw === 'false') return false;
  throw new Error(`AUTH_OIDC_REQUIRE_EMAIL_VERIFIED must be 1 or 0, got "${env.AUTH_OIDC_REQUIRE_EMAIL_VERIFIED}"`);
}

/**
 * Whether the provider vouches for the email: only boolean `true` or the string
 * `"true"` (some providers send strings) count as verified. Anything else that
 * is present — `false`, `"false"`, `"no"`, `0`, null — is refused; a provider
 * that leaves the claim out is trusted unless `requireVerified`.
 */
export function emailVerified(claim: unknown, requireVerified: boolean): boolean {
  if (claim === true || claim === 'true') return true;
  return claim === undefined && !requireVerified;
}

export interface MappedUser {
  id: string;
  email: string;
  name: string;
}

/** Why an OIDC sign-in was refused: each has its own message on the sign-in page. */
export type OidcRefusal = 'email-unverified' | 'no-account';

export type OidcResolution = { user: MappedUser } | { refused: OidcRefusal };

/**
 * The console user an OIDC sign-in maps to, or why it is refused: the email
 * claim must be verified (emailVerified) and name an existing, enabled user.
 */
export async function resolveOidcUser(
  profile: OidcProfile | undefined,
  findByEmail: (email: string) => Promise<User | undefined>,
  requireVerified: boolean,
): Promise<OidcResolution> {
  const email = typeof profile?.email === 'string' ? profile.email.trim() : '';
  if (!email) return { refused: 'no-account' };
  if (!emailVerified(profile?.email_verified, requireVerified)) return { refused: 'email-unverified' };
  const user = await findByEmail(email);
  if (!user || user.disabledAt) return { refused: 'no-account' };
  return { user: { id: user.id, email: user.email, name: user.name ?? user.email } };
}
