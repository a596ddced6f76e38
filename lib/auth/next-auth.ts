/**
 * Browser sign-in (Auth.js v5). Credentials are checked by
 * lib/auth/credentials.ts (rate limit, constant-time refusal, scrypt); an OIDC
 * provider is added when configured (lib/auth/oidc.ts). The JWT carries only
 * our user id — the role is read from the database on every request
 * (lib/auth/session.ts) so a demotion or a disabled account takes effect at
 * once, not when the token expires.
 *
 * Cookies are Auth.js's defaults, asserted by tests/e2e/sign-in.spec.ts:
 * HttpOnly, SameSite=Lax, and — because `trustHost` makes Auth.js follow the
 * request's protocol (X-Forwarded-Proto from the proxy) — Secure with the
 * `__Secure-` prefix when the console is served over HTTPS.
 */
import 'server-only';
import NextAuth, { AuthError, CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { log } from '@/lib/log';
import { authorizeCredentials } from './credentials';
import { OIDC_PROVIDER_ID, oidcProvider, readOidcSettings, resolveOidcUser } from './oidc';

const oidc = readOidcSettings().settings;

async function findByEmail(email: string) {
  return findUserByEmail(await getDb(), email);
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Self-hosted behind whatever proxy the operator runs; the Host header is trusted.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
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
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const user = await resolveOidcUser(profile, findByEmail);
      if (!user) log.warn('OIDC sign-in refused: no enabled console user with that email', { email: profile?.email });
      return user !== null;
    },
    async jwt({ token, user, account, profile }) {
      // Set once, at sign-in, and kept through refreshes: signing out voids sessions signed in before it.
      const signedInAt = user ? Date.now() : token.signedInAt;
      // The provider's subject means nothing here: the session names our user.
      if (account?.provider === OIDC_PROVIDER_ID) {
        const found = await resolveOidcUser(profile, findByEmail);
        if (!found) return null;
        return { ...token, sub: found.id, email: found.email, name: found.name, signedInAt };
      }
      return { ...token, signedInAt };
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : 0;
      return session;
    },
  },
});

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
