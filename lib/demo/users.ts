/**
 * The demo's people: the admin from ADMIN_EMAIL/ADMIN_PASSWORD (bootstrapAdmin)
 * plus one user per other role, so every screen can be tried as every role.
 * Idempotent: existing users are left exactly as they are.
 */
import type { Db } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import type { Role } from '@/lib/auth/roles';
import { bootstrapAdmin, createUser } from '@/lib/services/accounts';

export const DEMO_PASSWORD = 'demo-password-change-me';

const ROLE_USERS: Array<{ role: Exclude<Role, 'admin'>; email: string; name: string }> = [
  { role: 'approver', email: 'approver@example.com', name: 'Demo Approver' },
  { role: 'operator', email: 'operator@example.com', name: 'Demo Operator' },
  { role: 'viewer', email: 'viewer@example.com', name: 'Demo Viewer' },
];

export interface DemoLogin {
  role: Role;
  email: string;
  /** The password, when the demo knows it (it created the user with it). */
  password: string | null;
}

/**
 * `adminPasswordKnown`: whether ADMIN_PASSWORD is the demo's default or the
 * admin was created just now — otherwise the admin's password is the user's own.
 */
export async function seedDemoUsers(db: Db, env: NodeJS.ProcessEnv, adminPasswordKnown: boolean): Promise<DemoLogin[]> {
  await bootstrapAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  const logins: DemoLogin[] = [
    { role: 'admin', email: env.ADMIN_EMAIL!, password: adminPasswordKnown ? env.ADMIN_PASSWORD! : null },
  ];
  for (const user of ROLE_USERS) {
    if (!(await findUserByEmail(db, user.email))) {
      await createUser(db, { ...user, password: DEMO_PASSWORD });
    }
    logins.push({ role: user.role, email: user.email, password: DEMO_PASSWORD });
  }
  return logins;
}

/** The sign-in block of the demo's banner, one aligned line per role. */
export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return logins
    .map((l, i) => {
      const label = i === 0 ? 'Sign in:  ' : '          ';
      return `${label}${l.email.padEnd(width)} / ${l.password ?? '(your ADMIN_PASSWORD)'}   (${l.role})`;
    })
    .join('\n  ');
}
