import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user whose role is too low.
  experimental: { authInterrupts: true },
  // drizzle-kit and vitest configs are not part of the app.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
