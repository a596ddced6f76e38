/**
 * Chooses the database driver: `DATABASE_URL` set → PostgreSQL via postgres.js,
 * unset → embedded PGlite under `PGLITE_DIR` (default ./data/pglite; `memory://` keeps it in RAM).
 * Both get the same schema and the same committed migrations from drizzle/.
 *
 * On PostgreSQL, migrations may run as another role than the console: with
 * `DATABASE_MIGRATION_URL` set (the tables' owner), pending migrations run over a
 * short-lived connection to it and the pool of `DATABASE_URL` (a runtime role
 * without ownership — README "PostgreSQL roles") serves requests. The runtime role
 * then cannot disable the append-only triggers or rewrite audit rows. Unset, the
 * one `DATABASE_URL` does both, as before.
 */
import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The handle every query module takes; a transaction (`tx`) is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'postgres' | 'pglite';
  /** Runs SQL text as written (analytics queries, health probes); returns plain rows. */
  rawQuery<Row = Record<string, unknown>>(text: string): Promise<Row[]>;
  /**
   * Runs `fn` only if no other holder of `key` is running it — across processes
   * on PostgreSQL (session advisory lock on a reserved connection), in-process on
   * PGlite (one process owns the directory). Answers null when someone else holds it.
   * `fn` gets `stillHeld()`: on PostgreSQL the lock lives only as long as its
   * connection, so a long task asks before each step that must not run twice.
   */
  withExclusiveLock<T>(key: number, fn: (stillHeld: () => Promise<boolean>) => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

/** Errors that mean "the database is unreachable", as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|CONNECTION_\w+|CONNECT_TIMEOUT|57P0[123]|08\w{3})$/.test(code)) {
      return true;
    }
  }
  return false;
}

/** A unique-index violation (23505) of `constraint`, from either driver (postgres.js: constraint_name; PGlite: constraint). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: pgliteConstraint } = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (code === '23505' && (constraint_name ?? pgliteConstraint) === constraint) return true;
  }
  return false;
}

const heldInProcess = new Set<number>();

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  url?: string;
  /** PostgreSQL URL of the tables' owner, used only to migrate; defaults to `url`. */
  migrationUrl?: string;
  /** Overrides the password in `url` (the card's DB_PASSWORD). */
  password?: string;
  pgliteDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size. */
  maxConnections?: number;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), 'drizzle');
// A fixed key so two processes starting against one database migrate one at a time.
const MIGRATION_LOCK_KEY = 7_204_311_861;

/** The database variables; the console reads them through lib/env.ts (db/ may not import lib/), scripts in db/ directly. */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    password: env.DB_PASSWORD || undefined,
    pgliteDir: env.PGLITE_DIR || './data/pglite',
  };
}

export async function openDatabase(options: DatabaseOptions = optionsFromEnv()): Promise<Database> {
  return options.url ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: DatabaseOptions): Promise<Database> {
  const client = postgres(options.url!, {
    max: options.maxConnections ?? 10,
    // Fail fast when the server is down: requests answer 503 instead of hanging for 30 s.
    connect_timeout: 5,
    ...(options.password ? { password: options.password } : {}),
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema });
  if (options.migrate !== false) {
    if (options.migrationUrl && options.migrationUrl !== options.url) {
      const owner = postgres(options.migrationUrl, { max: 2, connect_timeout: 5, onnotice: () => {} });
      try {
        await migrateWithLock(owner);
      } finally {
        await owner.end({ timeout: 5 });
      }
    } else {
      await migrateWithLock(client);
    }
  }
  return {
    db: db as unknown as Db,
    driver: 'postgres',
    rawQuery: async <Row>(text: string) => [...(await client.unsafe(text))] as Row[],
    withExclusiveLock: async (key, fn) => {
      const conn = await client.reserve();
      try {
        const [row] = await conn<{ locked: boolean; pid: number }[]>`select pg_try_advisory_lock(${key}) as locked, pg_backend_pid() as pid`;
        if (!row?.locked) return null;
        // A session lock lives exactly as long as its session. Asked through the pool, not the
        // reserved connection: a query on a connection the server has closed may never settle.
        const stillHeld = async () => {
          try {
            const [held] = await client<{ held: boolean }[]>`
              select exists (select 1 from pg_locks where locktype = 'advisory' and granted and pid = ${row.pid}
                              and ((classid::bigint << 32) | objid::bigint) = ${key}) as held`;
            return held?.held === true;
          } catch {
            return false;
          }
        };
        try {
          return await fn(stillHeld);
        } finally {
          if (await stillHeld()) await conn`select pg_advisory_unlock(${key})`.catch(() => {});
        }
      } finally {
        conn.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Two processes starting against one database migrate one at a time; the lock
 * lives on one reserved connection so the unlock reaches the session that holds it.
 */
async function migrateWithLock(client: postgres.Sql): Promise<void> {
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    lock.release();
  }
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dir = options.pgliteDir ?? './data/pglite';
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  try {
    const client = await PGlite.create(inMemory ? dir : path.resolve(/* turbopackIgnore: true */ dir));
    const db = drizzlePglite({ client, schema });
    // PGlite has a single connection, so there is nobody to race with.
    if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db: db as unknown as Db,
      driver: 'pglite',
      rawQuery: async <Row>(text: string) => (await client.query<Row>(text)).rows,
      withExclusiveLock: async (key, fn) => {
        if (heldInProcess.has(key)) return null;
        heldInProcess.add(key);
        try {
          return await fn(async () => true);
        } finally {
          heldInProcess.delete(key);
        }
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// One database per server process, kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<Database> };

/** The process-wide database configured from the environment, migrated on first use. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__shcDatabase) {
    globalForDb.__shcDatabase = openDatabase().catch((error: unknown) => {
      globalForDb.__shcDatabase = undefined; // let the next request retry
      throw error;
    });
  }
  return globalForDb.__shcDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
