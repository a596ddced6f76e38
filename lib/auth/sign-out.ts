/**
 * Signing out, whichever way it is asked for — the header's button or
 * Auth.js's own `POST /api/auth/signout` (its `events.signOut`, wired in
 * lib/auth/next-auth.ts): every session the user signed in up to now is
 * voided (users.sessions_valid_after). The cookie is a stateless JWT, so
 * deleting it in this browser alone would leave any copy of it valid.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { endUserSessions, findUserById } from '@/db/queries/users';
import { sessionVerdict } from './session-policy';

export interface SessionClaims {
  /** Our user id. */
  sub?: string | null;
  signedInAt?: unknown;
}

/**
 * Voids the sessions of the user a still-valid session names. A cookie that no
 * longer counts (expired, already voided) signs nobody out: an old stolen copy
 * must not be able to end the user's newer sessions.
 */
export async function endSessionsOf(db: Db, claims: SessionClaims | null | undefined): Promise<boolean> {
  const id = claims?.sub;
  if (!id) return false;
  const user = await findUserById(db, id);
  if (!sessionVerdict(user, claims.signedInAt).valid) return false;
  await endUserSessions(db, id);
  return true;
}
