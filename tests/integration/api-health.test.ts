import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';

describe('GET /api/health', () => {
  it('reports the console and its database without auth', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      console: { status: 'ok' },
      database: { status: 'ok', driver: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    });
  });
});
