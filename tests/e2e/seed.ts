/**
 * Seeds the e2e server's database before the console starts: one user per
 * role and one bearer token per role (written to STATE_FILE for the specs).
 * Runs in serve.ts, so it goes through the same services as the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '@/db/client';
import { bootstrapAdmin, createApiToken, createUser } from '@/lib/services/accounts';
import { E2E_USERS, STATE_FILE, type E2EState, type SignedInRole } from './fixtures';

const ROLES: SignedInRole[] = ['viewer', 'operator', 'approver', 'admin'];

export async function seedE2E(options: DatabaseOptions, env: NodeJS.ProcessEnv, secrets: string[]): Promise<void> {
  const database = await openDatabase(options);
  try {
    await bootstrapAdmin(database.db, env); // E2E_ADMIN, as a real start would
    for (const role of ROLES) {
      if (role !== 'admin') await createUser(database.db, { ...E2E_USERS[role], role });
    }
    const tokens = {} as Record<SignedInRole, string>;
    for (const role of ROLES) tokens[role] = (await createApiToken(database.db, { name: `e2e-${role}`, role })).token;
    fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    const state: E2EState = { tokens, secrets };
    fs.writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
  } finally {
    await database.close();
  }
}
