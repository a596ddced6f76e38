/**
 * npm run bench — ingest rate of POST /api/v1/metrics with 10,000-sample batches.
 * Calls the route handler in-process with a real Request (JSON parse, zod
 * validation, one transaction of multi-row INSERTs), against a fresh database:
 * PostgreSQL when DATABASE_URL is set (a new database is created and dropped),
 * else PGlite in a temporary directory. Reports the median of 7 runs after 1 warm-up.
 *
 * The limit beside it, measured in the same run on the same table: COPY of the
 * same 10,000 rows as CSV (postgres.js `COPY … FROM STDIN`; PGlite `FROM
 * '/dev/blob'`) — storing the rows and nothing else: no HTTP body, no JSON
 * parse, no validation, no registration, no health checks.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import type { Database } from '@/db/client';
import { prepareBenchDatabase } from '../helpers/bench-database';

const BATCH = 10_000;
const RUNS = 7;

function batchSamples(run: number) {
  const start = Date.now() - BATCH * 1000;
  return Array.from({ length: BATCH }, (_, i) => ({
    component: `bench-${i % 20}`,
    timestamp: new Date(start + i * 1000 + run).toISOString(),
    cpu_usage: (i * 7) % 100,
    memory_usage: 30 + (i % 50),
    error_rate: (i % 100) / 1000,
    latency_ms: 80 + (i % 400),
    memory_mb: 512 + (i % 300),
  }));
}

function batchBody(run: number): string {
  return JSON.stringify({ samples: batchSamples(run) });
}

const COPY_SQL = 'COPY metric_samples (component_id, recorded_at, cpu_usage, memory_usage, error_rate, latency_ms, memory_mb, sent_by)';

/** The same rows as CSV, for the copy-N components (`ids`: bench-N → copy-N's id). */
function batchCsv(run: number, ids: Map<string, string>): string {
  return batchSamples(run)
    .map((s) => [ids.get(s.component), s.timestamp, s.cpu_usage, s.memory_usage, s.error_rate, s.latency_ms, s.memory_mb, 'bench'].join(','))
    .join('\n');
}

async function copyRows(database: Database, csv: string): Promise<void> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.driver === 'postgres') {
    const sql = client as postgres.Sql;
    await pipeline(Readable.from([csv]), await sql.unsafe(`${COPY_SQL} FROM STDIN WITH (FORMAT csv)`).writable());
  } else {
    await (client as PGlite).query(`${COPY_SQL} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const cleanup = await prepareBenchDatabase();
try {
  const { POST } = await import('@/app/api/v1/metrics/route');
  const { getDatabase } = await import('@/db/client');
  const { createApiToken } = await import('@/lib/services/accounts');
  const database = await getDatabase();
  const { token } = await createApiToken(database.db, { name: 'bench', role: 'operator' });

  // COPY's rows go to components of their own ("copy-N"): the same table, but not the
  // history the route's health checks read, which would otherwise double per run.
  const { ensureComponents } = await import('@/db/queries/components');
  const copyNames = await ensureComponents(database.db, Array.from({ length: 20 }, (_, i) => `copy-${i}`));
  const copyIds = new Map(Array.from({ length: 20 }, (_, i) => [`bench-${i}`, copyNames.get(`copy-${i}`)!]));
  const timings: number[] = [];
  const copyTimings: number[] = [];
  let assessed: unknown;
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
    assessed = ((await res.json()) as { assessed?: number }).assessed;
    // The limit, interleaved with the route's runs so both see the same machine load and table size.
    const csv = batchCsv(run, copyIds);
    const c0 = performance.now();
    await copyRows(database, csv);
    const copyMs = performance.now() - c0;
    if (run > 0) {
      timings.push(ms); // run 0 warms up JIT, pools and caches
      copyTimings.push(copyMs);
    }
  }
  const routeMedian = median(timings);
  const copyMedian = median(copyTimings);
  timings.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        driver: database.driver,
        batch: BATCH,
        runs: RUNS,
        body_bytes: batchBody(0).length,
        components_per_batch: 20,
        assessed_per_batch: assessed ?? 'not reported (batches not judged)',
        median_ms: Math.round(routeMedian),
        min_ms: Math.round(timings[0]!),
        max_ms: Math.round(timings.at(-1)!),
        samples_per_second: Math.round((BATCH / routeMedian) * 1000),
        limit_copy_median_ms: Math.round(copyMedian),
        limit_copy_samples_per_second: Math.round((BATCH / copyMedian) * 1000),
        route_vs_copy: `${(routeMedian / copyMedian).toFixed(1)}x the time of COPY`,
      },
      null,
      2,
    ),
  );
  await database.close();
} finally {
  await cleanup();
}
