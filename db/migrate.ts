/**
 * npm run db:migrate — applies drizzle/ migrations as DATABASE_MIGRATION_URL (the
 * tables' owner) when set, else as DATABASE_URL, or to PGlite under PGLITE_DIR.
 */
import { openDatabase, optionsFromEnv } from './client';

const options = optionsFromEnv();
// Only the owner's connection is needed to migrate; DATABASE_URL may name a runtime role.
const database = await openDatabase({ ...options, url: options.migrationUrl ?? options.url, password: options.migrationUrl ? undefined : options.password });
console.log(
  `Migrations applied (${database.driver === 'postgres' ? `PostgreSQL as ${options.migrationUrl ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL'}` : `PGlite in ${options.pgliteDir}`}).`,
);
await database.close();
