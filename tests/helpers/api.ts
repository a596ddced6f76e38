/**
 * Calls route handlers in-process with real Request objects against the test
 * database — the same code path as over HTTP, minus the socket.
 */
import { getDatabase, type Database } from '@/db/client';
import { insertApiToken } from '@/db/queries/api-tokens';
import { generateApiToken } from '@/lib/auth/api-token';
import type { Role } from '@/lib/auth/roles';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function testDatabase(): Promise<Database> {
  return getDatabase();
}

export async function createTestToken(role: Role, name = `test-${role}`): Promise<string> {
  const { db } = await getDatabase();
  const secret = generateApiToken();
  await insertApiToken(db, { name, role, publicId: secret.publicId, secretHash: secret.secretHash });
  return secret.token;
}

export interface CallOptions<P> {
  method?: string;
  params?: P;
  token?: string | null;
  /** An object is sent as JSON; a string is sent as-is (for malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
  path?: string;
}

export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  options: CallOptions<P> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const request = new Request(`http://console.test${options.path ?? '/'}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Row counts of every table a write could touch — compared before and after rejected requests. */
const COUNTED_TABLES = ['components', 'metric_samples', 'health_checks', 'unified_brain', 'component_configs', 'remediations', 'alerts'] as const;

export async function tableCounts(): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
  const database = await getDatabase();
  const tables = COUNTED_TABLES;
  const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>;
  for (const table of tables) {
    const [row] = await database.rawQuery<{ n: number | string }>(`select count(*) as n from ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}
