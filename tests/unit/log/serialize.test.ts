/**
 * Errors in logs: a failed drizzle query is logged as its SQL plus PostgreSQL's
 * code and message — never its bound params (cleanup secrets, password and
 * token hashes, whole sample batches).
 */
import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, log, QUERY_TEXT_LIMIT, serialize } from '@/lib/log';

const SECRET = 'hook-secret-d41d8cd98f00b204';
const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaGhhc2hoYXNo';

function pgError(): Error {
  // postgres.js and PGlite errors: code, message, and a `detail` that quotes the offending values.
  return Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
    name: 'PostgresError',
    code: '23505',
    detail: `Key (email)=(${SECRET}) already exists.`,
    parameters: [SECRET, HASH],
  });
}

const queryError = () =>
  new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', [SECRET, HASH], pgError());

afterEach(() => vi.restoreAllMocks());

describe('serialize (lib/log.ts)', () => {
  it('logs a failed query as its SQL and the cause’s code and message, never the params', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    log.error('server action failed', { error: queryError() });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain(HASH);
    expect(lines[0]).not.toContain('params');
    const entry = JSON.parse(lines[0]!);
    expect(entry.error.message).toBe('Failed query: insert into "users" ("email", "password_hash") values ($1, $2)');
    expect(entry.error.cause).toEqual({
      name: 'PostgresError',
      code: '23505',
      message: 'duplicate key value violates unique constraint "users_email_key"',
    });
    // The stack keeps its frames under the reduced message.
    expect(entry.error.stack.split('\n')[0]).toBe(`${entry.error.name}: ${entry.error.message}`);
    expect(entry.error.stack).toMatch(/\n\s+at /);
  });

  it('cuts the SQL of a huge statement (a 10,000-row insert) and still drops its params', () => {
    const placeholders = Array.from({ length: 10_000 }, (_, i) => `($${i + 1})`).join(', ');
    const params = Array.from({ length: 10_000 }, (_, i) => `sample-${i}`);
    const reduced = serialize(new DrizzleQueryError(`insert into "metric_samples" values ${placeholders}`, params, pgError())) as {
      message: string;
    };
    expect(reduced.message.length).toBeLessThan(QUERY_TEXT_LIMIT + 100);
    expect(JSON.stringify(reduced)).not.toContain('sample-9999');
  });

  it('other errors keep their message and code, with their cause reduced', () => {
    const error = Object.assign(new Error('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }), {
      code: 'E_FETCH',
    });
    expect(serialize(error)).toMatchObject({
      name: 'Error',
      message: 'fetch failed',
      code: 'E_FETCH',
      cause: { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
    });
    expect(serialize('plain')).toBe('plain');
  });

  it('describeError (what the CLI prints) is the same reduced form on one line', () => {
    const line = describeError(queryError());
    expect(line).toBe(
      'Failed query: insert into "users" ("email", "password_hash") values ($1, $2) — 23505 duplicate key value violates unique constraint "users_email_key"',
    );
    expect(describeError(new Error('boom'))).toBe('boom');
  });
});
