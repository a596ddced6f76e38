/**
 * Gives every integration test file a database of its own, so files run in
 * parallel and can assert exact counts:
 * - DATABASE_URL set → a fresh PostgreSQL database created from it, dropped afterwards;
 * - unset → an in-memory PGlite.
 * The console code under test finds it through the usual environment variables.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';

const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<{ close(): Promise<void> }> };

// The worker's env outlives one file; remember the server URL the run started with.
process.env.SHC_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '';
const serverUrl = process.env.SHC_TEST_SERVER_URL;

let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const name = `shc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
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
