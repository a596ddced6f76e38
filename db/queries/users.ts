import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users, type NewUser, type User } from '../schema';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** What the admin page shows of a user: everything but the password hash. */
export type UserSummary = Omit<User, 'passwordHash' | 'sessionsValidAfter'>;

export function listUsers(db: Db): Promise<UserSummary[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .orderBy(asc(sql`lower(${users.email})`));
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<User, 'role' | 'disabledAt' | 'name'>>,
): Promise<User | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

/** Voids every browser session of the user signed in up to `at` (sign-out; see users.sessionsValidAfter). */
export async function endUserSessions(db: Db, userId: string, at: Date = new Date()): Promise<void> {
  await db.update(users).set({ sessionsValidAfter: at }).where(eq(users.id, userId));
}

/**
 * Disables (voiding every session signed in up to `at`, so re-enabling does not
 * revive old cookies) or re-enables a user, in one statement.
 */
export async function setUserDisabled(db: Db, id: string, disabled: boolean, at: Date = new Date()): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set(disabled ? { disabledAt: at, sessionsValidAfter: at } : { disabledAt: null })
    .where(eq(users.id, id))
    .returning();
  return row;
}
