/**
 * The role check every page uses: no session → the sign-in page; too low a
 * role → a 403 page (app/forbidden.tsx). Route handlers use lib/api/route.ts
 * and server actions lib/actions/server-action.ts; all three rely on hasRole.
 */
import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { hasRole, type Role } from './roles';
import { currentUser, type SessionUser } from './session';

export async function requirePageUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
