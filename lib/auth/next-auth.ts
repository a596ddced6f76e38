/**
 * Browser sign-in (Auth.js v5). Credentials are checked by
 * lib/auth/credentials.ts (rate limit, constant-time refusal, scrypt); an OIDC
 * provider is added when configured (lib/auth/oidc.ts). The JWT carries only
 * our user id (`sub`) and the sign-in time (`signedInAt`), besides Auth.js's
 * own `iat`, `exp` and `jti` — the role is read from the database on every
 * request (lib/auth/session.ts) so a demotion or a disabled account takes
 * effect at once, not when the token expires. How long a session lasts and
 * what voids it: lib/auth/session-policy.ts.
 *
 * Cookies are Auth.js's defaults, asserted by tests/e2e/sign-in.spec.ts:
 * HttpOnly, SameSite=Lax, and — because `trustHost` makes Auth.js follow the
 * request's protocol (X-Forwarded-Proto from the proxy) — Secure with the
 * `__Secure-` prefix when the console is served over HTTPS.
 */
import 'server-only';
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { authorizeCredentials } from './credentials';
import { OIDC_PROVIDER_ID, oidcClaims, oidcProvider, resolveOidcUser } from './oidc';
import { sessionJwt } from './session-jwt';
import { sessionCookieSeconds } from './session-policy';
import { OIDC_EMAIL_UNVERIFIED } from './sign-in-messages';
import { endSessionsOf } from './sign-out';

const oidc = env().oidc;

async function findByEmail(email: string) {
  return findUserByEmail(await getDb(), email);
}

/**
 * The configuration, exported for app/api/auth/[...nextauth]/route.ts, which
 * hands requests to @auth/core itself (see there why). NextAuth() below fills
 * in its defaults (secret, basePath) on this very object.
 */
export const authConfig: NextAuthConfig = {
  // Self-hosted behind whatever proxy the operator runs; the Host header is trusted.
  trustHost: true,
  // Re-issued on every read for this long (the idle limit); the absolute lifetime is the JWT callback's.
  session: { strategy: 'jwt', maxAge: sessionCookieSeconds() },
  // Errors (a refused OIDC account, a rate-limited direct POST) come back to the sign-in page, which explains them.
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password or a refused account is an answer, not a server error (credentials.ts and
    // the signIn callback log what matters); everything else goes to our log.
    error(error) {
      if (error instanceof CredentialsSignin || (error instanceof AuthError && error.type === 'AccessDenied')) return;
      // An expired or forged cookie, or one signed with an earlier AUTH_SECRET: the visitor is just signed out.
      if (error instanceof AuthError && (error.type === 'JWTSessionError' || error.type === 'SignOutError')) {
        log.warn('session cookie rejected; treated as signed out');
        return;
      }
      // Auth.js wraps the real failure (a provider's answer, a thrown authorize) in `cause.err`.
      const cause = (error.cause as { err?: { name?: unknown; message?: unknown } } | undefined)?.err;
      log.error('auth error', { error, ...(cause && { cause: `${String(cause.name)}: ${String(cause.message)}` }) });
    },
    warn(code) {
      log.warn('auth warning', { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const user = await authorizeCredentials(await getDb(), raw, request.headers);
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  events: {
    // Auth.js's own POST /api/auth/signout voids copies of the cookie exactly as the header's button does.
    async signOut(message) {
      if (!('token' in message)) return;
      try {
        await endSessionsOf(await getDb(), message.token);
      } catch (error) {
        log.error('signing out failed to void the sessions', { error });
        throw error;
      }
    },
  },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const claims = oidcClaims(profile, account.id_token);
      const found = await resolveOidcUser(claims, findByEmail, env().requireVerifiedEmail);
      if ('user' in found) return true;
      if (found.refused === 'email-unverified') {
        log.warn('OIDC sign-in refused: the provider has not verified the email', { email: claims?.email });
        return `/login?error=${OIDC_EMAIL_UNVERIFIED}`;
      }
      log.warn('OIDC sign-in refused: no enabled console user with that email', { email: claims?.email });
      return false;
    },
    jwt: sessionJwt,
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : 0;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

declare module 'next-auth' {
  interface Session {
    /** When this browser session signed in (ms since the epoch); 0 for sessions from before it was recorded. */
    signedInAt: number;
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    signedInAt?: number;
  }
}
