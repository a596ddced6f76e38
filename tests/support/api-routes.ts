/**
 * The API's routes as the app defines them: every route.ts under app/api and /metrics (and,
 * after `next build`, every route in the build's app-paths-manifest.json), as
 * OpenAPI paths (`[name]` → `{name}`), with the HTTP methods each module exports.
 * Auth.js owns /api/auth/* (its own endpoints and protocol): not documented here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTP_METHODS, type HttpMethod } from '@/lib/api/openapi/operation';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const UNDOCUMENTED_PREFIX = '/api/auth/';
/** API endpoints outside app/api: the Prometheus scrape endpoint (Prometheus's default path is /metrics). */
export const API_ROUTES_OUTSIDE_API = ['app/metrics/route.ts'];

export interface AppRoute {
  /** e.g. app/api/v1/components/[name]/route.ts */
  file: string;
  /** e.g. /api/v1/components/{name} */
  path: string;
}

/** `/api/v1/components/[name]/route` (a manifest key or a file's path) → `/api/v1/components/{name}`. */
export function openApiPath(appPath: string): string {
  return appPath
    .replace(/\/route(\.tsx?)?$/, '')
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not in the URL
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, '{$1}'))
    .join('/');
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  );
}

/** Every route.ts under app/api, but Auth.js's, and the API routes outside it. */
export function routeFiles(): AppRoute[] {
  return walk(join(ROOT, 'app/api'))
    .map((abs) => relative(ROOT, abs).split(sep).join('/'))
    .concat(API_ROUTES_OUTSIDE_API)
    .map((file) => ({ file, path: openApiPath(file.replace(/^app/, '')) }))
    .filter((route) => !route.path.startsWith(UNDOCUMENTED_PREFIX))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The API routes of the last `next build` (null without one). Next 16 writes .next/server/app-paths-manifest.json. */
export function builtRoutePaths(): string[] | null {
  const manifest = join(ROOT, '.next/server/app-paths-manifest.json');
  if (!existsSync(manifest)) return null;
  return Object.keys(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>)
    .filter((key) => (key.startsWith('/api/') && key.endsWith('/route')) || key === '/metrics/route')
    .map(openApiPath)
    .filter((path) => !path.startsWith(UNDOCUMENTED_PREFIX))
    .sort();
}

/** The HTTP methods a route module exports. */
export async function exportedMethods(file: string): Promise<HttpMethod[]> {
  const routeModule = (await import(/* @vite-ignore */ join(ROOT, file))) as Record<string, unknown>;
  return HTTP_METHODS.filter((method) => typeof routeModule[method] === 'function');
}
