import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // drizzle-kit and vitest configs are not part of the app.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
