import { z } from 'zod';
import { getDatabase, isConnectionError } from '@/db/client';
import { documented } from '@/lib/api/openapi/operation';
import { log } from '@/lib/log';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  console: z.object({ status: z.literal('ok'), uptime_s: z.number().optional() }),
  database: z.object({
    status: z.enum(['ok', 'unavailable']),
    driver: z.enum(['postgres', 'pglite']).optional(),
    latency_ms: z.number().optional(),
    recovering: z.boolean().optional(),
    degraded_since: z.string().nullable().optional(),
  }),
});

/** Liveness and readiness for load balancers: no auth, no secrets, no details of failures. */
export const GET = documented(
  {
    operationId: 'console_health',
    summary: 'Liveness and readiness',
    description: 'For load balancers: no credentials, no secrets, no details of failures.',
    tag: 'Console',
    role: null,
    responses: {
      200: { description: 'Console and database answer.', schema: healthSchema },
      503: { description: 'The database is unavailable.', schema: healthSchema },
    },
  },
  health,
);

async function health(): Promise<Response> {
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
