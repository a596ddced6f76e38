/**
 * The CLI as an operator runs it: a separate process against the configured
 * database (the test's PostgreSQL database, or a PGlite directory of its own).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { authenticate } from '@/lib/api/principal';
import { verifyPassword } from '@/lib/auth/password';

const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shc-cli-'));
const dbEnv = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: pgliteDir };

function cli(...args: string[]) {
  const env = { ...process.env, ...dbEnv };
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'lib/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's database, opened after the CLI exited (PGlite allows one process at a time). */
let database: Database | undefined;
async function cliDatabase(): Promise<Database> {
  database ??= await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir },
  );
  return database;
}

afterAll(async () => {
  await database?.close();
  fs.rmSync(pgliteDir, { recursive: true, force: true });
});

describe('npm run cli', () => {
  let tokenRun: ReturnType<typeof cli>;
  let userRun: ReturnType<typeof cli>;
  beforeAll(() => {
    tokenRun = cli('token', 'create', '--name', 'ci-ingest', '--role', 'operator');
    userRun = cli('user', 'create', '--email', 'Ops@Example.com', '--role', 'approver', '--password', 'correct horse battery');
  });

  it('token create prints a working token as its last line and stores only its hash', async () => {
    expect(tokenRun.code).toBe(0);
    const token = tokenRun.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^shc_/);
    const { db, rawQuery } = await cliDatabase();
    const request = new Request('http://console.test/', { headers: { authorization: `Bearer ${token}` } });
    await expect(authenticate(request, db)).resolves.toMatchObject({ kind: 'token', name: 'ci-ingest', role: 'operator' });
    const stored = await rawQuery<{ secret_hash: string }>(`select secret_hash from api_tokens where name = 'ci-ingest'`);
    expect(stored).toHaveLength(1);
    // The secret is everything after the 12-character public id (it may itself contain '_').
    const secret = token.slice('shc_'.length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('user create stores a slow hash the password verifies against', async () => {
    expect(userRun.code).toBe(0);
    expect(userRun.stdout).toContain('Created approver');
    const user = await findUserByEmail((await cliDatabase()).db, 'ops@example.com');
    expect(user?.role).toBe('approver');
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('correct horse battery', user!.passwordHash!)).toBe(true);
    expect(await verifyPassword('wrong horse battery', user!.passwordHash!)).toBe(false);
  });

  it('rejects bad input with a message naming the field and stores nothing', async () => {
    await database?.close(); // let the CLI open the PGlite directory
    database = undefined;
    const cases: Array<[string[], string]> = [
      [['token', 'create', '--name', 'x', '--role', 'root'], 'role'],
      [['token', 'create', '--role', 'viewer'], 'name'],
      [['user', 'create', '--email', 'not-an-email', '--role', 'viewer', '--password', 'long enough pw'], 'email'],
      [['user', 'create', '--email', 'a@b.co', '--role', 'viewer', '--password', 'short'], 'password'],
      [['user', 'create', '--email', 'ops@example.com', '--role', 'viewer', '--password', 'long enough pw'], 'already exists'],
    ];
    for (const [args, field] of cases) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(field);
    }
    expect(cli('frobnicate').code).toBe(2);
    const { rawQuery } = await cliDatabase();
    const [users] = await rawQuery<{ n: string | number }>(`select count(*) as n from users`);
    const [tokens] = await rawQuery<{ n: string | number }>(`select count(*) as n from api_tokens`);
    expect([Number(users!.n), Number(tokens!.n)]).toEqual([1, 1]);
  }, 180_000); // six CLI processes, each a tsx start-up: seconds apiece on a loaded 2-core CI machine
});
