import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Two projects: `unit` is pure logic (no database, runs in parallel);
// `integration` talks to a real database — PGlite by default, PostgreSQL when
// DATABASE_URL is set (tests/integration/setup.ts gives every file its own database).
export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Modules holding secrets or the database import 'server-only', which throws
      // outside React's server condition; tests load them as Next.js's server does.
      'server-only': `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // *.pg.test.ts need a real PostgreSQL server (e.g. to stop it); CI runs them in its PostgreSQL pass.
          exclude: process.env.DATABASE_URL ? [] : ['tests/integration/**/*.pg.test.ts'],
          environment: 'node',
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
