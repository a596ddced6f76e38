import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { auth } from './next-auth';
import { hasRole, type Role } from './roles';
import { sessionVerdict } from './session-policy';
import { endSessionsOf } from './sign-out';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user as the database knows them now, or null (rules: lib/auth/session-policy.ts).
 * Memoised per server render (React's cache()): the signed-in layout and its page both ask, and one
 * request reads the session and the user row once. Each caller still checks the role itself
 * (requirePageUser); only the read is shared, never across requests. Outside a render (route
 * handlers, server actions) cache() does not memoise, so each call reads afresh.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || !sessionVerdict(user, session.signedInAt).valid) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
});

export function userHasRole(user: SessionUser | null, role: Role): user is SessionUser {
  return user !== null && hasRole(user.role, role);
}

/**
 * Signs the current user out of every browser session they opened so far
 * (lib/auth/sign-out.ts). The header's sign-out calls it before Auth.js's
 * signOut, so a database failure is shown rather than leaving copies valid.
 */
export async function endCurrentSessions(): Promise<void> {
  const session = await auth();
  await endSessionsOf(await getDb(), { sub: session?.user?.id, signedInAt: session?.signedInAt });
}
