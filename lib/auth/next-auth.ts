/**
 * Browser sign-in (Auth.js v5). Credentials are checked against `users` with
 * scrypt; the JWT carries only the user id — the role is read from the
 * database on every request (lib/auth/session.ts) so a demotion or a disabled
 * account takes effect at once, not when the token expires.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { log } from '@/lib/log';
import { verifyPassword } from './password';

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Self-hosted behind whatever proxy the operator runs; the Host header is trusted.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: {
    // A wrong password is an answer, not a server error; everything else goes to our log.
    error(error) {
      if (error.name === 'CredentialsSignin') return;
      log.error('auth error', { error });
    },
    warn(code) {
      log.warn('auth warning', { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await findUserByEmail(await getDb(), parsed.data.email);
        if (!user?.passwordHash || user.disabledAt) throw new CredentialsSignin();
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) throw new CredentialsSignin();
        return { id: user.id, email: user.email, name: user.name ?? user.email };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
