/**
 * Auth.js's JWT callback: what the session cookie carries, run at sign-in and
 * on every read of the cookie. Kept apart from the Auth.js wiring so it loads
 * (and is tested) outside Next.js.
 */
import type { JWT } from '@auth/core/jwt';
import type { Account, Profile, User } from '@auth/core/types';
import 'server-only';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { env } from '@/lib/env';
import { OIDC_PROVIDER_ID, oidcClaims, resolveOidcUser } from './oidc';
import { sessionExpired } from './session-policy';

async function findByEmail(email: string) {
  return findUserByEmail(await getDb(), email);
}

export async function sessionJwt({
  token,
  user,
  account,
  profile,
}: {
  token: JWT;
  user?: User | null;
  account?: Account | null;
  profile?: Profile;
}): Promise<JWT | null> {
  // Set once, at sign-in, and kept through refreshes: the absolute lifetime and sign-out count from it.
  const signedInAt = user ? Date.now() : token.signedInAt;
  // Past its absolute lifetime: Auth.js deletes the cookie instead of re-issuing it.
  if (sessionExpired(signedInAt)) return null;
  // The provider's subject means nothing here: the session names our user.
  if (account?.provider === OIDC_PROVIDER_ID) {
    const found = await resolveOidcUser(oidcClaims(profile, account.id_token), findByEmail, env().requireVerifiedEmail);
    if (!('user' in found)) return null;
    return { sub: found.user.id, signedInAt };
  }
  // Only what README's "Sign-in" section lists; Auth.js adds iat, exp and jti when it seals the cookie.
  return { sub: token.sub, signedInAt };
}
