/**
 * Who is calling the API: a machine with a bearer token, or — for reads only —
 * a signed-in browser session (the console's own pages poll the API).
 * Cookie sessions are not accepted for writes, which keeps the API free of CSRF.
 */
import 'server-only';
import type { Db } from '@/db/client';
import type { EvidenceSender } from '@/db/schema';
import { findApiTokenByPublicId, touchApiToken } from '@/db/queries/api-tokens';
import { parseApiToken, secretMatches } from '@/lib/auth/api-token';
import { lowerRole, type Role } from '@/lib/auth/roles';
import { ApiError } from './errors';

export interface Principal {
  kind: 'token' | 'user';
  id: string;
  /** Token name or user email — what audit records show as the actor. */
  name: string;
  role: Role;
  /** The person behind the call: the user, or the token's creator (null for tokens made by the CLI). */
  userId: string | null;
}

/** The caller as the sender of metric samples: the person behind it, else (a creator-less token) the token itself. */
export function senderOf(principal: Principal): EvidenceSender {
  return { name: principal.name, user_id: principal.userId };
}

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

export async function authenticate(request: Request, db: Db): Promise<Principal> {
  const header = request.headers.get('authorization');
  if (header) return authenticateBearer(header, db);
  const safeMethod = request.method === 'GET' || request.method === 'HEAD';
  if (safeMethod && request.headers.get('cookie')?.includes('authjs.session-token')) {
    // Loaded lazily: the session layer pulls in next-auth, which machine callers never need.
    const { currentUser } = await import('@/lib/auth/session');
    const user = await currentUser();
    if (user) return { kind: 'user', id: user.id, name: user.email, role: user.role, userId: user.id };
  }
  throw unauthorized('Authorization: Bearer <token> header is required');
}

async function authenticateBearer(header: string, db: Db): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization header must be "Bearer <token>"');
  const parsed = parseApiToken(match[1]!);
  const row = parsed && (await findApiTokenByPublicId(db, parsed.publicId));
  // One message for every failure, so callers cannot probe which part was wrong.
  // A token acts for its creator: a disabled creator's tokens stop working with them.
  if (!parsed || !row || row.revokedAt || row.creator?.disabledAt || !secretMatches(parsed.secret, row.secretHash)) {
    throw unauthorized('invalid or revoked API token');
  }
  await touchApiToken(db, row.id);
  // …and a demoted creator's tokens can do no more than the creator can now.
  const role = row.creator ? lowerRole(row.role, row.creator.role) : row.role;
  return { kind: 'token', id: row.id, name: row.name, role, userId: row.createdBy };
}
