/** npm run db:migrate — applies drizzle/ migrations to DATABASE_URL, or to PGlite under PGLITE_DIR. */
import { openDatabase, optionsFromEnv } from './client';

const options = optionsFromEnv();
const database = await openDatabase(options);
console.log(
  `Migrations applied (${database.driver === 'postgres' ? 'PostgreSQL' : `PGlite in ${options.pgliteDir}`}).`,
);
await database.close();
