import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens, type ApiToken, type NewApiToken } from '../schema';

export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiToken> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row!;
}

export async function findApiTokenByPublicId(db: Db, publicId: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.publicId, publicId)).limit(1);
  return row;
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
