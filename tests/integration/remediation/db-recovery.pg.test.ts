/**
 * recover_database_connection on real PostgreSQL: stop the server under a
 * running console, requests answer 503 at once instead of hanging, the console
 * reconnects by itself when the server is back, records
 * `db_connection_recovered`, and no acknowledged sample is lost.
 * Uses a private cluster (port 5499) so the shared server keeps serving other tests.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { databaseDegradedSince } from '@/lib/remediation/db-recovery';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { createFreshDatabase } from '../../helpers/fresh-database';
import { privateCluster } from '../../helpers/private-cluster';

const sample = { cpu_usage: 20, memory_usage: 40, error_rate: 0.001, latency_ms: 100 };

// *.pg.test.ts files run only against PostgreSQL (vitest.config.ts): PGlite has no server to lose.
describe('database connection recovery', () => {
  const cluster = privateCluster('shc_recovery', 5499);
  let drop: () => Promise<void>;
  let token: string;
  const logged: string[] = [];

  beforeAll(async () => {
    cluster.start();
    const fresh = await createFreshDatabase(cluster.url, 'shc_recovery');
    drop = fresh.drop;
    // Point this file's console at the private cluster before anything opens the database.
    const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<{ close(): Promise<void> }> };
    const previous = globalForDb.__shcDatabase;
    globalForDb.__shcDatabase = undefined;
    if (previous) await (await previous).close();
    process.env.DATABASE_URL = fresh.url;
    token = await createTestToken('operator');
    for (const spy of [vi.spyOn(console, 'log'), vi.spyOn(console, 'error')]) {
      spy.mockImplementation((line: unknown) => void logged.push(String(line)));
    }
  });

  afterAll(async () => {
    cluster.start();
    vi.restoreAllMocks();
    const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<{ close(): Promise<void> }> };
    const open = globalForDb.__shcDatabase;
    globalForDb.__shcDatabase = undefined;
    if (open) await (await open).close();
    await drop?.().catch(() => {});
    cluster.stop();
  });

  it('answers 503 while the server is down, recovers by itself, keeps every acknowledged sample', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(postHealth, { params: { name: 'durable' }, token, body: sample });
      expect(res.status).toBe(200);
    }

    cluster.stop();
    const started = Date.now();
    const during = await call(postHealth, { params: { name: 'durable' }, token, body: sample });
    expect(during.status).toBe(503);
    expect(during.body.message).toContain('unavailable');
    expect(during.body.message).not.toMatch(/ECONNREFUSED|postgres:\/\//); // no driver detail leaks
    // Answered by a refused connection or the 5 s connect timeout, never a hang.
    expect(Date.now() - started).toBeLessThan(10_000);
    const health = await call(getHealth);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: { status: 'unavailable', recovering: true } });
    expect(databaseDegradedSince()).not.toBeNull();

    cluster.start();
    await vi.waitFor(
      async () => {
        const res = await call(getHealth);
        expect(res.status).toBe(200);
      },
      { timeout: 45_000, interval: 250 },
    );
    expect(logged.some((line) => line.includes('"msg":"db_connection_recovered"'))).toBe(true);

    const { rawQuery } = await testDatabase();
    const [count] = await rawQuery<{ n: string }>(
      `select count(*) as n from metric_samples s join components c on c.id = s.component_id where c.name = 'durable'`,
    );
    expect(Number(count!.n)).toBe(5);
    const recovered = await rawQuery<{ status: string; attempts: number }>(
      `select status, (metadata->>'attempts')::int as attempts from unified_brain where action_type = 'db_connection_recovered'`,
    );
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.status).toBe('success');
    expect(recovered[0]!.attempts).toBeGreaterThan(1);
    const after = await call(postHealth, { params: { name: 'durable' }, token, body: sample });
    expect(after.status).toBe(200);
  }, 90_000);
});
