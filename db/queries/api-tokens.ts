import 'server-only';
import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens, users, type ApiToken, type NewApiToken } from '../schema';

export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiToken> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row!;
}

/** A token with what its creator is now (null for CLI-made tokens): a token acts for its creator. */
export interface TokenWithCreator extends ApiToken {
  creator: { role: ApiToken['role']; disabledAt: Date | null } | null;
}

export async function findApiTokenByPublicId(db: Db, publicId: string): Promise<TokenWithCreator | undefined> {
  const [row] = await db
    .select({ token: apiTokens, creatorRole: users.role, creatorDisabledAt: users.disabledAt })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.publicId, publicId))
    .limit(1);
  if (!row) return undefined;
  const creator = row.creatorRole ? { role: row.creatorRole, disabledAt: row.creatorDisabledAt } : null;
  return { ...row.token, creator };
}

/** Records use at most once a minute per token, so busy ingesters do not write on every call. */
export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}

/** What the admin page lists: never the secret's hash. */
export interface TokenSummary {
  id: string;
  publicId: string;
  name: string;
  role: ApiToken['role'];
  /** Email of the admin who created it; null for CLI-created tokens or a deleted user. */
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function listApiTokens(db: Db): Promise<TokenSummary[]> {
  return db
    .select({
      id: apiTokens.id,
      publicId: apiTokens.publicId,
      name: apiTokens.name,
      role: apiTokens.role,
      createdBy: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), asc(apiTokens.name));
}

export async function findApiTokenById(db: Db, id: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row;
}

/** Revokes at once (the next request with it is a 401); undefined if unknown or already revoked. */
export async function revokeApiToken(db: Db, id: string): Promise<ApiToken | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}
