/**
 * The OpenAPI document lists every route of the app, method by method: a route
 * added without its operation (or without its line in lib/api/openapi/routes.ts)
 * fails here, naming it. Without a build the app/api file tree is the list; after
 * `next build` the build's route manifest must agree with it too.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';
import type { Operation } from '@/lib/api/openapi/operation';
import { builtRoutePaths, exportedMethods, ROOT, routeFiles } from '../../support/api-routes';

const document = openApiDocument();
const documented = (path: string) => (document.paths?.[path] ?? {}) as Record<string, { operationId?: string }>;

describe('the OpenAPI document covers every route', { timeout: 60_000 }, () => {
  const files = routeFiles();

  it('finds the routes (Auth.js excluded)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((f) => f.path)).toContain('/api/v1/components/{name}/restart');
    expect(files.some((f) => f.path.startsWith('/api/auth/'))).toBe(false);
  });

  it.each(files.map((f) => [f.file, f]))('%s: every exported method is documented by its own operation', async (_file, { file, path }) => {
    const methods = await exportedMethods(file);
    expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    const routeModule = (await import(/* @vite-ignore */ `${ROOT}${file}`)) as Record<string, { operation?: Operation }>;
    for (const method of methods) {
      const entry = documented(path)[method.toLowerCase()];
      expect(entry, `${method} ${path} (${file}) is missing from the OpenAPI document`).toBeDefined();
      // The handler at this path is the one whose operation the document shows there.
      expect(routeModule[method]!.operation?.operationId, `${method} ${path}: the handler declares no operation`).toBe(entry!.operationId);
    }
  });

  it('documents nothing the app does not have', async () => {
    const routes = new Map<string, string[]>();
    for (const { file, path } of files) routes.set(path, (await exportedMethods(file)).map((m) => m.toLowerCase()));
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      expect(routes.has(path), `${path} is documented but has no route.ts`).toBe(true);
      for (const method of Object.keys(item as object)) expect(routes.get(path), `${method} ${path}`).toContain(method);
    }
  });

  it('agrees with the build manifest when there is a build', (context) => {
    const built = builtRoutePaths();
    if (built === null) {
      // No `next build` here: the file tree above is the list. (CI builds before e2e and reruns this then.)
      context.annotate('no .next build: checked the app/api file tree only');
      return;
    }
    const missing = built.filter((path) => !document.paths?.[path]);
    expect(missing, 'routes in .next/server/app-paths-manifest.json missing from the document').toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
