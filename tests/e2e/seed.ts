/**
 * Seeds the e2e server's database before the console starts (and, on PGlite,
 * locks it): every account of E2E_USERS — the admin too, since bootstrapAdmin
 * only acts on an empty users table — and one bearer token per role, written
 * to STATE_FILE for the specs. Goes through the same services as the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '@/db/client';
import { createApiToken, createUser } from '@/lib/services/accounts';
import { E2E_USERS, STATE_FILE, type E2EState, type SignedInRole } from './fixtures';

const ROLES: SignedInRole[] = ['viewer', 'operator', 'approver', 'admin'];

/** `writeState` false: a second console's database (serve.ts), whose tokens no spec uses. */
export async function seedE2E(options: DatabaseOptions, secrets: string[], writeState = true): Promise<void> {
  const database = await openDatabase(options);
  try {
    for (const user of Object.values(E2E_USERS)) {
      await createUser(database.db, { email: user.email, password: user.password, role: user.role });
    }
    if (!writeState) return;
    const tokens = {} as Record<SignedInRole, string>;
    for (const role of ROLES) tokens[role] = (await createApiToken(database.db, { name: `e2e-${role}`, role })).token;
    fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    const state: E2EState = { tokens, secrets };
    fs.writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
  } finally {
    await database.close();
  }
}
