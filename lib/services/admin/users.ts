/**
 * Managing people (admin page). An admin may not disable or demote
 * themself — refused here, on the server, whatever the page shows — so the
 * console always keeps at least the admin doing the change.
 */
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { findUserById, setUserDisabled, updateUser, type UserSummary } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { ActionError } from '@/lib/actions/action-error';
import type { SessionUser } from '@/lib/auth/session';
import { AccountError, createUser } from '@/lib/services/accounts';
import type { createUserInput, setUserDisabledInput, setUserRoleInput } from '@/lib/validation/admin';
import { auditAdmin } from './audit';

/** Never hand the password hash to a page. */
function summary(user: User): UserSummary {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, disabledAt: user.disabledAt };
}

export async function adminCreateUser(
  db: Db,
  actor: SessionUser,
  input: z.output<typeof createUserInput>,
): Promise<UserSummary> {
  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, input);
      await auditAdmin(tx, actor, 'user.create', user.email, { role: user.role });
      return summary(user);
    });
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    // AccountError messages read "field: message".
    const field = /^(\w+):/.exec(error.message)?.[1];
    throw new ActionError(error.message, field);
  }
}

async function existingUser(db: Db, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) throw new ActionError('userId: no such user (reload the page)', 'userId');
  return user;
}

export async function adminSetUserRole(
  db: Db,
  actor: SessionUser,
  { userId, role }: z.output<typeof setUserRoleInput>,
): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const user = await existingUser(tx, userId);
    if (user.id === actor.id && role !== 'admin') {
      throw new ActionError('role: you cannot demote yourself; ask another admin', 'role');
    }
    if (user.role === role) return summary(user);
    const updated = (await updateUser(tx, userId, { role }))!;
    await auditAdmin(tx, actor, 'user.role', user.email, { from: user.role, to: role });
    return summary(updated);
  });
}

export async function adminSetUserDisabled(
  db: Db,
  actor: SessionUser,
  { userId, disabled }: z.output<typeof setUserDisabledInput>,
): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const user = await existingUser(tx, userId);
    if (user.id === actor.id && disabled) {
      throw new ActionError('disabled: you cannot disable your own account', 'disabled');
    }
    if (Boolean(user.disabledAt) === disabled) return summary(user);
    // Takes effect on the user's next request, and voids their sessions for good (lib/auth/session-policy.ts).
    const updated = (await setUserDisabled(tx, userId, disabled))!;
    await auditAdmin(tx, actor, disabled ? 'user.disable' : 'user.enable', user.email);
    return summary(updated);
  });
}
