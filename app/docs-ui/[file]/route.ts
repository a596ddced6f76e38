import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The script of Swagger UI the API docs page (/api/docs) loads, from the
 * swagger-ui-dist package (its CSS is bundled by Next with the page): the
 * console serves it itself (no CDN). Public, like Next's own /_next/static
 * files: it is the published package's code and carries no console data (the
 * document it renders is behind /api/v1/openapi.json's viewer role). Nothing
 * else of node_modules is reachable.
 */
const FILES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  const type = FILES[file];
  if (!type) return new Response('not found', { status: 404 });
  const body = await readFile(join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' } });
}
