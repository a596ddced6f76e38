/**
 * A database of the benchmark's own, set in the environment before the console's
 * modules read it: a fresh PostgreSQL database when DATABASE_URL names a server,
 * else a temporary PGlite directory. Returns the clean-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase } from './fresh-database';

export async function prepareBenchDatabase(): Promise<() => Promise<void>> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shc-bench-'));
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const fresh = await createFreshDatabase(server, 'shc_bench');
  process.env.DATABASE_URL = fresh.url;
  return fresh.drop;
}
