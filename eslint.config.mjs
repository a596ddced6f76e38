import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layer rules of GUIDE.md, checked by lint (tests/unit/lint-boundaries.test.ts
 * shows each one firing). `allowTypeImports`: a type-only import carries no code
 * into the bundle, so it crosses a boundary freely.
 */
const restricted = (patterns) => ['error', { patterns }];

// lib/healing is the pure domain: no I/O, no framework, nothing from lib/ outside itself.
const healingBoundary = restricted([
  { group: ['node:*'], message: 'lib/healing is pure: no Node built-ins (I/O belongs in lib/executors or lib/services).' },
  {
    group: ['fs', 'fs/*', 'path', 'child_process', 'http', 'https', 'net', 'dns', 'os', 'crypto', 'worker_threads'],
    message: 'lib/healing is pure: no Node built-ins (I/O belongs in lib/executors or lib/services).',
  },
  { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'server-only'], message: 'lib/healing is framework-free.' },
  { group: ['postgres', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'], message: 'lib/healing does no database I/O.' },
  { group: ['@/db', '@/db/*', '**/db/*'], allowTypeImports: true, message: 'lib/healing does no database I/O (type-only imports are allowed).' },
  { group: ['@/lib/*', '!@/lib/healing', '!@/lib/healing/*', '../*'], message: 'lib/healing imports only itself (lib/executors, lib/services… do I/O).' },
]);

// Components get data as props or through react-query, never from the database.
const componentsBoundary = restricted([
  { group: ['@/db', '@/db/*', '**/db/*'], allowTypeImports: true, message: 'components/ never imports db/ (type-only imports are allowed): pass data as props or through react-query.' },
]);

// db/ is the bottom layer: lib/ builds on it, never the other way round at runtime — except the
// domain's vocabulary (lib/healing/vocabulary.ts: constant lists, no imports), which the columns store.
const dbBoundary = restricted([
  {
    regex: String.raw`^(@/|(\.\./)+)lib(/(?!healing/vocabulary$).*)?$`,
    allowTypeImports: true,
    message: 'db/ never imports lib/ at runtime (type-only imports are allowed; lib/healing/vocabulary is the one exception).',
  },
]);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Test helpers return parsed JSON of arbitrary shape.
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      // `const { a, ...rest } = row` is how a field is dropped from an object.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  { files: ['lib/healing/**'], rules: { '@typescript-eslint/no-restricted-imports': healingBoundary } },
  {
    files: ['components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': componentsBoundary },
  },
  { files: ['db/**'], rules: { '@typescript-eslint/no-restricted-imports': dbBoundary } },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'data/**', 'test-results/**', 'playwright-report/**']),
]);
