/**
 * The servers Playwright tests against: the production build, a database of
 * its own (a fresh PostgreSQL database when DATABASE_URL is set, else a
 * temporary PGlite directory) seeded with one user and one token per role
 * (tests/e2e/seed.ts), the demo simulator ticking every second, and a real
 * OpenID provider (tests/e2e/oidc-provider.ts).
 *
 * A second console (E2E_SSO_PORT, default E2E_PORT + 1; database of its own,
 * no simulator, no reconciler) runs with AUTH_URL=http://127.0.0.1:<port> for
 * the single sign-on specs: that is the setting under which next-auth once
 * sent the provider two different redirect_uris. The main console runs
 * without AUTH_URL, so the proxy-header specs keep testing that path.
 * Both consoles' output is also written to SERVER_LOG, which the last spec
 * scans for leaked secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase } from '../helpers/fresh-database';
import { E2E_DIR, OIDC_NAME, SERVER_LOG, SSO_PORT } from './fixtures';
import { startOidcProvider } from './oidc-provider';
import { seedE2E } from './seed';

const port = process.env.E2E_PORT ?? '3107';
const ssoOrigin = `http://127.0.0.1:${SSO_PORT}`;
const oidc = await startOidcProvider([`http://127.0.0.1:${port}`, ssoOrigin]);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  DEMO_SIMULATOR: '1',
  DEMO_TICK_MS: '1000',
  // Short enough for the expiry test to watch a request expire, long enough for the others to decide.
  APPROVAL_EXPIRY_MINUTES: '0.5',
  RECONCILE_INTERVAL_SECONDS: '5',
  // The Prometheus source spec watches a new source's first pull.
  PROMETHEUS_PULL_INTERVAL_SECONDS: '2',
  NODE_ENV: 'production',
  AUTH_OIDC_ISSUER: oidc.issuer,
  AUTH_OIDC_CLIENT_ID: oidc.clientId,
  AUTH_OIDC_CLIENT_SECRET: oidc.clientSecret,
  AUTH_OIDC_NAME: OIDC_NAME,
};
const ssoEnv: NodeJS.ProcessEnv = { ...env, AUTH_URL: ssoOrigin, DEMO_SIMULATOR: '', RECONCILER: 'off' };

const cleanups: (() => Promise<void>)[] = [];
/** A database of its own for one console, seeded. */
async function seededDatabase(target: NodeJS.ProcessEnv, writeState: boolean): Promise<void> {
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'shc_e2e');
    target.DATABASE_URL = fresh.url;
    cleanups.push(fresh.drop);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shc-e2e-'));
    target.PGLITE_DIR = path.join(dir, 'pglite');
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  await seedE2E({ url: target.DATABASE_URL, pgliteDir: target.PGLITE_DIR }, [env.AUTH_SECRET!, oidc.clientSecret], writeState);
}
await seededDatabase(env, true);
await seededDatabase(ssoEnv, false);

// Tee: Playwright shows the output as before, and the file keeps it for the scan.
fs.mkdirSync(E2E_DIR, { recursive: true });
const logFd = fs.openSync(SERVER_LOG, 'a');
function startConsole(listen: string, consoleEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('npx', ['next', 'start', '-p', listen, '-H', '127.0.0.1'], { env: consoleEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => {
    fs.writeSync(logFd, chunk);
    process.stdout.write(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    fs.writeSync(logFd, chunk);
    process.stderr.write(chunk);
  });
  child.on('exit', (code) => void stop(code ?? 0));
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)))));
  await oidc.close();
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('e2e cleanup failed', error));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

// The SSO console first: Playwright waits for the main one only, so it must be up by then.
children.push(startConsole(String(SSO_PORT), ssoEnv));
for (let ready = false; !ready && !stopping; ) {
  ready = await fetch(`${ssoOrigin}/api/health`).then((r) => r.ok, () => false);
  if (!ready) await new Promise((r) => setTimeout(r, 500));
}
children.push(startConsole(port, env));
