import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { currentUser } from '@/lib/auth/session';

/**
 * The script of Swagger UI the API docs page (/api/docs) loads, from the
 * swagger-ui-dist package (its CSS is bundled by Next with the page): the
 * console serves it itself (no CDN), to signed-in users like the page.
 * Nothing else of node_modules is reachable.
 */
const FILES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  const type = FILES[file];
  if (!type) return new Response('not found', { status: 404 });
  if (!(await currentUser())) return new Response('sign in first', { status: 401 });
  const body = await readFile(join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=3600' } });
}
