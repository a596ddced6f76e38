/**
 * The server Playwright tests against: the production build, a database of its
 * own (a fresh PostgreSQL database when DATABASE_URL is set, else a temporary
 * PGlite directory), the demo simulator ticking every second.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { createUser } from '@/lib/services/accounts';
import { createFreshDatabase } from '../helpers/fresh-database';
import { E2E_USERS } from './fixtures';

const port = process.env.E2E_PORT ?? '3107';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  DEMO_SIMULATOR: '1',
  DEMO_TICK_MS: '1000',
  // Short enough for the expiry test to watch a request expire, long enough for the others to decide.
  APPROVAL_EXPIRY_MINUTES: '0.5',
  RECONCILE_INTERVAL_SECONDS: '5',
  NODE_ENV: 'production',
};

let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'shc_e2e');
  env.DATABASE_URL = fresh.url;
  cleanup = fresh.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shc-e2e-'));
  env.PGLITE_DIR = path.join(dir, 'pglite');
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

// Accounts for every role, written before the server opens (and, on PGlite, locks) the database.
const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
// (The admin too: bootstrapAdmin only acts on an empty users table.)
for (const user of Object.values(E2E_USERS)) {
  await createUser(database.db, { email: user.email, password: user.password, role: user.role });
}
await database.close();

const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  await cleanup().catch((error: unknown) => console.error('e2e cleanup failed', error));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
