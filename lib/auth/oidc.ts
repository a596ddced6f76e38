/**
 * The optional single sign-on provider, configured by environment:
 * AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET (all three, or
 * none) and AUTH_OIDC_NAME (the button label, default "SSO").
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
export function readOidcSettings(env: Record<string, string | undefined> = process.env): {
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
  };
}

export interface MappedUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The console user an OIDC sign-in maps to, or null (refused): the email
 * claim must name an existing, enabled user. An email the provider says is
 * unverified is refused; providers that omit `email_verified` are trusted to
 * manage their users' emails (configure only such an organisation's IdP).
 */
export async function resolveOidcUser(
  profile: OidcProfile | undefined,
  findByEmail: (email: string) => Promise<User | undefined>,
): Promise<MappedUser | null> {
  const email = typeof profile?.email === 'string' ? profile.email.trim() : '';
  if (!email || profile?.email_verified === false) return null;
  const user = await findByEmail(email);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email };
}
