/**
 * One scrape of GET /metrics: the gauges that describe shared state are read
 * now, from the database, then the registry is rendered in Prometheus text
 * format. A database that does not answer within the probe's timeout is
 * reported as `shc_database_up 0` (and the gauges it would feed as NaN, not
 * stale values) — the scrape itself still succeeds.
 */
import 'server-only';
import { getDatabase, isConnectionError } from '@/db/client';
import { lastReconcilerPass } from '@/db/queries/brain';
import { pendingApprovalTotal } from '@/db/queries/remediations';
import { log } from '@/lib/log';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';
import { metrics } from './metrics';

/** Below Prometheus's default scrape timeout (10 s), so a hung database cannot fail the scrape. */
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database probe timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function probeDatabase(): Promise<void> {
  const m = metrics();
  // NaN until read, so a gauge the database could not feed says "unknown", never a stale or zero value
  // (a labelless prom-client gauge cannot be left out of the exposition).
  for (const gauge of [m.databaseLatency, m.approvalsPending, m.lastPassTime, m.lastPassDuration]) gauge.set(Number.NaN);
  if (databaseDegradedSince()) {
    m.databaseUp.set(0); // the recovery loop is probing already; do not queue behind a dead pool
    return;
  }
  try {
    const database = await getDatabase();
    const started = performance.now();
    await withTimeout(database.rawQuery('select 1'), PROBE_TIMEOUT_MS);
    m.databaseLatency.set((performance.now() - started) / 1000);
    m.databaseUp.set(1);
    m.approvalsPending.set(await withTimeout(pendingApprovalTotal(database.db, new Date()), PROBE_TIMEOUT_MS));
    // Read from the database, so a reconciler running apart (RECONCILER=off) is still seen.
    const pass = await withTimeout(lastReconcilerPass(database.db), PROBE_TIMEOUT_MS);
    if (pass) {
      m.lastPassTime.set(pass.at.getTime() / 1000);
      if (pass.durationMs !== null) m.lastPassDuration.set(pass.durationMs / 1000);
    }
  } catch (error) {
    m.databaseUp.set(0);
    log.error('metrics scrape: database probe failed', { error });
    if (isConnectionError(error)) reportDatabaseFailure(error);
  }
}

export async function scrapeMetrics(): Promise<Response> {
  await probeDatabase();
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
