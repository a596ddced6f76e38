/**
 * npm run bench — ingest rate of POST /api/v1/metrics with 10,000-sample batches.
 * Calls the route handler in-process with a real Request (JSON parse, zod
 * validation, one transaction of multi-row INSERTs), against a fresh database:
 * PostgreSQL when DATABASE_URL is set (a new database is created and dropped),
 * else PGlite in a temporary directory. Reports the median of 7 runs after 1 warm-up.
 */
import { prepareBenchDatabase } from '../helpers/bench-database';

const BATCH = 10_000;
const RUNS = 7;

function batchBody(run: number): string {
  const start = Date.now() - BATCH * 1000;
  const samples = Array.from({ length: BATCH }, (_, i) => ({
    component: `bench-${i % 20}`,
    timestamp: new Date(start + i * 1000 + run).toISOString(),
    cpu_usage: (i * 7) % 100,
    memory_usage: 30 + (i % 50),
    error_rate: (i % 100) / 1000,
    latency_ms: 80 + (i % 400),
    memory_mb: 512 + (i % 300),
  }));
  return JSON.stringify({ samples });
}

const cleanup = await prepareBenchDatabase();
try {
  const { POST } = await import('@/app/api/v1/metrics/route');
  const { getDatabase } = await import('@/db/client');
  const { createApiToken } = await import('@/lib/services/accounts');
  const database = await getDatabase();
  const { token } = await createApiToken(database.db, { name: 'bench', role: 'operator' });

  const timings: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const body = batchBody(run);
    const request = new Request('http://bench/api/v1/metrics', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const t0 = performance.now();
    const res = await POST(request, { params: Promise.resolve({}) });
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
    if (run > 0) timings.push(ms); // run 0 warms up JIT, pools and caches
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)]!;
  console.log(
    JSON.stringify(
      {
        driver: database.driver,
        batch: BATCH,
        runs: RUNS,
        body_bytes: batchBody(0).length,
        median_ms: Math.round(median),
        min_ms: Math.round(timings[0]!),
        max_ms: Math.round(timings.at(-1)!),
        samples_per_second: Math.round((BATCH / median) * 1000),
      },
      null,
      2,
    ),
  );
  await database.close();
} finally {
  await cleanup();
}
