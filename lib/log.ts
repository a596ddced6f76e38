/**
 * Structured one-line JSON logs on stdout/stderr. Errors are reduced to
 * name/message/code/cause/stack so driver objects (which may hold connection
 * strings) are never dumped whole.
 *
 * Query errors: drizzle wraps a failing query as DrizzleQueryError, whose
 * message is `Failed query: <sql>\nparams: <every bound value>` — cleanup
 * secrets, password and token hashes, whole 10,000-sample batches. The params
 * are never logged: the message becomes `Failed query: <sql>` (the SQL text
 * holds placeholders, not values; it is cut at QUERY_TEXT_LIMIT), and the
 * real cause — PostgreSQL's `code` and `message` — is logged as `cause`.
 */
import { DrizzleQueryError } from 'drizzle-orm';

type Fields = Record<string, unknown>;

/** The SQL of a 10,000-row insert is itself long; its start says which statement it was. */
export const QUERY_TEXT_LIMIT = 500;
/** How deep `cause` chains are followed. */
const MAX_CAUSE_DEPTH = 3;

interface ReducedError {
  name: string;
  message: string;
  code?: unknown;
  cause?: ReducedError | string;
  stack?: string;
}

/**
 * The SQL of a drizzle DrizzleQueryError, whose message carries the bound params.
 * (PGlite's and postgres.js's own errors also have `query` and `params` properties,
 * but their message is PostgreSQL's: it is kept.)
 */
function queryOf(error: Error): string | null {
  const { query } = error as { query?: unknown };
  if (typeof query !== 'string') return null;
  return error instanceof DrizzleQueryError || error.message.startsWith('Failed query:') ? query : null;
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

/** The message without anything a query error carries besides its SQL. */
function safeMessage(error: Error): string {
  const query = queryOf(error);
  return query === null ? error.message : `Failed query: ${clip(query.replace(/\s+/g, ' ').trim(), QUERY_TEXT_LIMIT)}`;
}

/** The stack's frames under the reduced message (an Error's stack starts with its full message). */
function safeStack(error: Error, message: string): string | undefined {
  if (!error.stack) return undefined;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${message}`, ...frames].join('\n');
}

export function reduceError(error: Error, depth = 0): ReducedError {
  const message = safeMessage(error);
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  const reduced: ReducedError = { name: error.name, message, ...(code !== undefined && { code }) };
  if (cause !== undefined && cause !== null && depth < MAX_CAUSE_DEPTH) {
    // The cause's code and message only: a driver error also carries `detail`, `parameters`, `query`.
    reduced.cause = cause instanceof Error ? reduceError(cause, depth + 1) : clip(String(cause), 200);
  }
  // Only the outermost error keeps its stack: it says where it was thrown.
  if (depth === 0) reduced.stack = safeStack(error, message);
  return reduced;
}

/**
 * One line for a person (the CLI): the reduced message, then the cause's code
 * and message — e.g. `Failed query: insert into "users" … — 23505 duplicate key value …`.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const reduced = reduceError(error);
  const parts = [reduced.message];
  for (let cause = reduced.cause; cause !== undefined; cause = typeof cause === 'string' ? undefined : cause.cause) {
    if (typeof cause === 'string') parts.push(cause);
    else parts.push(cause.code !== undefined ? `${String(cause.code)} ${cause.message}` : cause.message);
  }
  return parts.join(' — ');
}

export function serialize(value: unknown): unknown {
  return value instanceof Error ? reduceError(value) : value;
}

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields = {}) {
  const entry: Fields = { level, time: new Date().toISOString(), msg: message };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
  const line = JSON.stringify(entry);
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
