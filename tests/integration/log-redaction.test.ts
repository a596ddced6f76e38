/**
 * A real failing query on the test database (PGlite or PostgreSQL): the logged
 * error names the SQL and PostgreSQL's code and message, not the bound values.
 */
import { describe, expect, it } from 'vitest';
import { components } from '@/db/schema';
import { describeError, serialize } from '@/lib/log';
import { testDatabase } from '../helpers/api';

describe('query errors in logs', () => {
  it('a unique violation is logged with cause code 23505 and without its params', async () => {
    const { db } = await testDatabase();
    const secretUrl = 'https://svc:s3cr3t-passw0rd@hooks.internal/cleanup';
    await db.insert(components).values({ name: 'log-dup', cleanupUrl: secretUrl });
    const error = await db
      .insert(components)
      .values({ name: 'log-dup', cleanupUrl: secretUrl })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const reduced = serialize(error) as { message: string; cause: { code: string; message: string } };
    expect(reduced.message).toMatch(/^Failed query: insert into "components"/);
    expect(reduced.cause.code).toBe('23505');
    expect(reduced.cause.message).toContain('components_name_key');
    expect(JSON.stringify(reduced)).not.toContain('s3cr3t');
    expect(describeError(error)).not.toContain('s3cr3t');
    expect(describeError(error)).toContain('23505');
  });
});
