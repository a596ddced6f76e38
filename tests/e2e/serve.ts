/**
 * The server Playwright tests against: the production build, a database of its
 * own (a fresh PostgreSQL database when DATABASE_URL is set, else a temporary
 * PGlite directory) seeded with one user and one token per role
 * (tests/e2e/seed.ts), a stand-in OIDC provider (tests/e2e/oidc-stub.ts), the
 * demo simulator ticking every second. The console's output is also written to
 * SERVER_LOG, which the last spec scans for leaked secrets.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase } from '../helpers/fresh-database';
import { E2E_DIR, OIDC_NAME, SERVER_LOG } from './fixtures';
import { startOidcStub } from './oidc-stub';
import { seedE2E } from './seed';

const port = process.env.E2E_PORT ?? '3107';
const oidc = await startOidcStub();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  DEMO_SIMULATOR: '1',
  DEMO_TICK_MS: '1000',
  // Short enough for the expiry test to watch a request expire, long enough for the others to decide.
  APPROVAL_EXPIRY_MINUTES: '0.5',
  RECONCILE_INTERVAL_SECONDS: '5',
  NODE_ENV: 'production',
  AUTH_OIDC_ISSUER: oidc.issuer,
  AUTH_OIDC_CLIENT_ID: oidc.clientId,
  AUTH_OIDC_CLIENT_SECRET: oidc.clientSecret,
  AUTH_OIDC_NAME: OIDC_NAME,
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

await seedE2E({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR }, [env.AUTH_SECRET!, oidc.clientSecret]);

// Tee: Playwright shows the output as before, and the file keeps it for the scan.
fs.mkdirSync(E2E_DIR, { recursive: true });
const logFd = fs.openSync(SERVER_LOG, 'a');
const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk: Buffer) => {
  fs.writeSync(logFd, chunk);
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk: Buffer) => {
  fs.writeSync(logFd, chunk);
  process.stderr.write(chunk);
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  await oidc.close();
  await cleanup().catch((error: unknown) => console.error('e2e cleanup failed', error));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
