import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
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
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
}

export function userHasRole(user: SessionUser | null, role: Role): user is SessionUser {
  return user !== null && hasRole(user.role, role);
}
