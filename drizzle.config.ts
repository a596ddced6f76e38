import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; the dialect is the same for PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
});
