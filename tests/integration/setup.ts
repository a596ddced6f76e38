/**
 * Gives every integration test file a database of its own, so files run in
 * parallel and can assert exact counts:
 * - DATABASE_URL set → a fresh PostgreSQL database created from it, dropped afterwards;
 * - unset → an in-memory PGlite.
 * The console code under test finds it through the usual environment variables.
 */
import { afterAll } from 'vitest';
import { createFreshDatabase } from '../helpers/fresh-database';

const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<{ close(): Promise<void> }> };

// The worker's env outlives one file; remember the server URL the run started with.
process.env.SHC_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '';
const serverUrl = process.env.SHC_TEST_SERVER_URL;

let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const fresh = await createFreshDatabase(serverUrl, 'shc_test');
  process.env.DATABASE_URL = fresh.url;
  dropDatabase = fresh.drop;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

afterAll(async () => {
  const open = globalForDb.__shcDatabase;
  globalForDb.__shcDatabase = undefined;
  if (open) await (await open).close();
  await dropDatabase?.();
});
