import type { NextConfig } from 'next';
import { FIXED_SECURITY_HEADERS } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user whose role is too low.
  experimental: { authInterrupts: true },
  // drizzle-kit and vitest configs are not part of the app.
  typescript: { tsconfigPath: 'tsconfig.json' },
  // The headers that never change, on everything including static files; the CSP and HSTS are per request (proxy.ts).
  async headers() {
    return [{ source: '/:path*', headers: [...FIXED_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
