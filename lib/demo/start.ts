/**
 * npm run demo — the console with the embedded database and simulated
 * components on http://localhost:3000, ready to sign in to.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { openDatabase, optionsFromEnv } from '@/db/client';
import { countUsers } from '@/db/queries/users';
import { createApiToken } from '@/lib/services/accounts';
import { buildIfNeeded } from './build-if-needed';
import { DEMO_PASSWORD, formatLogins, seedDemoUsers, type DemoLogin } from './users';

const port = Number(process.env.PORT) || 3000;
const dataDir = path.resolve(process.env.PGLITE_DIR || './data/pglite');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  PGLITE_DIR: dataDir,
  DEMO_SIMULATOR: '1',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL || 'admin@example.com',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || DEMO_PASSWORD,
  // A livelier reconciler than production's 60 s, so a newcomer sees it act within seconds.
  RECONCILE_INTERVAL_SECONDS: process.env.RECONCILE_INTERVAL_SECONDS || '15',
};

/** A local secret kept beside the data, so demo sessions survive restarts. */
function demoSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Seeds the embedded database before the server opens it: the admin and one
 * user per other role (lib/demo/users.ts), and an operator token for curl.
 * With DATABASE_URL the demo seeds nothing: that database may be shared, and
 * well-known demo passwords do not belong in it (the server still creates the
 * ADMIN_EMAIL admin on an empty database).
 */
async function prepareDatabase(): Promise<{ token: string | null; logins: DemoLogin[] }> {
  const database = await openDatabase(optionsFromEnv(env));
  try {
    const freshAdmin = (await countUsers(database.db)) === 0;
    const logins = await seedDemoUsers(database.db, env, freshAdmin || !process.env.ADMIN_PASSWORD);
    const tokenFile = path.join(path.dirname(dataDir), '.demo-token');
    // The demo's operator token is kept in clear only for this local demo, so curl examples work.
    if (!fs.existsSync(tokenFile) || freshAdmin) {
      const { token } = await createApiToken(database.db, { name: 'demo', role: 'operator' });
      fs.writeFileSync(tokenFile, token, { mode: 0o600 });
    }
    return { token: fs.readFileSync(tokenFile, 'utf8').trim(), logins };
  } finally {
    await database.close();
  }
}

/** Fails early and clearly instead of reporting another process's server as ours. */
function ensurePortFree(p: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`Port ${p} is in use. Stop what runs there, or start the demo with PORT=<another port>.`)));
    probe.listen(p, () => probe.close(() => resolve()));
  });
}

async function waitUntilUp(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the console did not start');
}

async function main() {
  await ensurePortFree(port);
  buildIfNeeded();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  env.AUTH_SECRET ||= demoSecret(path.join(path.dirname(dataDir), '.auth-secret'));
  const { token, logins } = env.DATABASE_URL
    ? { token: null, logins: [{ role: 'admin' as const, email: env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD ? null : env.ADMIN_PASSWORD! }] }
    : await prepareDatabase();

  const child = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));

  await waitUntilUp(`http://localhost:${port}/api/health`, child);
  const url = `http://localhost:${port}`;
  console.log(`
  Self-Healing Console demo is running: ${url}
  Database: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`}
  ${formatLogins(logins)}
  ${token ? `API token (operator): ${token}\n  Try:      curl -s -X POST ${url}/api/v1/components/my-api/health -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' -d '{"cpu_usage":85,"memory_usage":88,"error_rate":0.08,"latency_ms":3500}'` : ''}
  Stop with Ctrl+C.
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
