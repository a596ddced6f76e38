import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '@/db/client';

describe('database configuration from the environment', () => {
  it('uses embedded PGlite under ./data when DATABASE_URL is unset', () => {
    expect(optionsFromEnv({})).toEqual({ url: undefined, password: undefined, pgliteDir: './data/pglite' });
    expect(optionsFromEnv({ PGLITE_DIR: '/srv/shc' }).pgliteDir).toBe('/srv/shc');
  });

  it('uses PostgreSQL and honours DB_PASSWORD over the URL password', () => {
    expect(optionsFromEnv({ DATABASE_URL: 'postgres://u:x@db/shc', DB_PASSWORD: 's3cret' })).toMatchObject({
      url: 'postgres://u:x@db/shc',
      password: 's3cret',
    });
  });
});
