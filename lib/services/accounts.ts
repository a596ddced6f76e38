/** Creating people and machine credentials — shared by the CLI and start-up bootstrap. */
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { insertApiToken } from '@/db/queries/api-tokens';
import { countUsers, findUserByEmail, insertUser } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { generateApiToken } from '@/lib/auth/api-token';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { env, type Env } from '@/lib/env';
import { log } from '@/lib/log';

const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

export const newUserSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(320),
  role: roleSchema,
  password: z
    .string({ error: 'is required' })
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  name: z.string().max(200).optional(),
});

export const newTokenSchema = z.strictObject({
  name: z
    .string({ error: 'is required' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/, 'must be 1–64 letters, digits, spaces, dots, dashes or underscores'),
  role: roleSchema,
});

export class AccountError extends Error {}

export async function createUser(db: Db, input: z.input<typeof newUserSchema>): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AccountError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const { email, role, password, name } = parsed.data;
  if (await findUserByEmail(db, email)) throw new AccountError(`email: a user with ${email} already exists`);
  return insertUser(db, { email, role, name: name ?? null, passwordHash: await hashPassword(password) });
}

/** Returns the token in clear exactly once; only its hash is stored. */
export async function createApiToken(
  db: Db,
  input: z.input<typeof newTokenSchema>,
  createdBy?: string,
): Promise<{ id: string; token: string; name: string; role: string }> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) {
    throw new AccountError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const secret = generateApiToken();
  const row = await insertApiToken(db, {
    name: parsed.data.name,
    role: parsed.data.role,
    publicId: secret.publicId,
    secretHash: secret.secretHash,
    createdBy: createdBy ?? null,
  });
  return { id: row.id, token: secret.token, name: parsed.data.name, role: parsed.data.role };
}

/**
 * First start: with ADMIN_EMAIL and ADMIN_PASSWORD set and no users yet,
 * create that admin so somebody can sign in. Never touches an existing user.
 */
export async function bootstrapAdmin(db: Db, admin: Env['admin'] = env().admin): Promise<void> {
  const { email, password } = admin;
  if (!email || !password) return;
  if ((await countUsers(db)) > 0) return;
  try {
    await createUser(db, { email, password, role: 'admin', name: 'Administrator' });
    log.info('created the first admin from ADMIN_EMAIL', { email });
  } catch (error) {
    if (error instanceof AccountError) log.error('ADMIN_EMAIL/ADMIN_PASSWORD rejected', { reason: error.message });
    else throw error;
  }
}
