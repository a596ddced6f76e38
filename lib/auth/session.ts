import 'server-only';
import { getDb } from '@/db/client';
import { endUserSessions, findUserById } from '@/db/queries/users';
import { auth } from './next-auth';
import { hasRole, type Role } from './roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user as the database knows them now, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || user.disabledAt) return null;
  // Signed out since this session signed in: a copy of its cookie is worthless too.
  if (user.sessionsValidAfter && session.signedInAt <= user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
}

export function userHasRole(user: SessionUser | null, role: Role): user is SessionUser {
  return user !== null && hasRole(user.role, role);
}

/**
 * Signs the current user out of every browser session they opened so far. The
 * cookie is stateless (a JWT), so deleting it in this browser alone would
 * leave any copy of it valid until it expires.
 */
export async function endCurrentSessions(): Promise<void> {
  const user = await currentUser();
  if (user) await endUserSessions(await getDb(), user.id);
}
