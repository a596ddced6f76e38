import { getDatabase, isConnectionError } from '@/db/client';
import { log } from '@/lib/log';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';

/** Liveness and readiness for load balancers: no auth, no secrets, no details of failures. */
export async function GET(): Promise<Response> {
  const started = performance.now();
  const degradedSince = databaseDegradedSince();
  if (degradedSince) return degraded(degradedSince);
  try {
    const database = await getDatabase();
    await database.rawQuery('select 1');
    return Response.json({
      status: 'ok',
      console: { status: 'ok', uptime_s: Math.round(process.uptime()) },
      database: { status: 'ok', driver: database.driver, latency_ms: Math.round((performance.now() - started) * 10) / 10 },
    });
  } catch (error) {
    log.error('health probe: database unreachable', { error });
    if (isConnectionError(error)) reportDatabaseFailure(error);
    return degraded(databaseDegradedSince());
  }
}

function degraded(since: Date | null): Response {
  return Response.json(
    {
      status: 'degraded',
      console: { status: 'ok' },
      database: { status: 'unavailable', recovering: since !== null, degraded_since: since?.toISOString() ?? null },
    },
    { status: 503 },
  );
}
