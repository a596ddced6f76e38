import { getDatabase } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { recoverDatabaseConnection } from '@/lib/remediation/db-recovery';

/**
 * recover_database_connection: probes the console's pool with backoff. 200
 * `{success: true, recovered: false}` when the database was reachable (no
 * audit row: nothing was recovered); 200 `{recovered: true}` and a
 * `db_connection_recovered` row when a probe failed and a later one succeeded;
 * 503 when it stays unreachable.
 *
 * While the console already knows the database is down, this endpoint answers
 * 503 like every other one, before the handler runs (lib/api/route.ts): its
 * bearer token can only be checked against the database (tokens are stored
 * hashed there; a session's role is read from it too), and answering without
 * checking would let anyone trigger it. Nothing is lost: the first connection
 * failure started the background recovery loop (lib/remediation/db-recovery.ts),
 * which runs this same probe, with the same backoff, until the database answers,
 * and records the recovery.
 */
export const POST = apiRoute({ role: 'operator' }, async () => {
  const result = await recoverDatabaseConnection(getDatabase);
  return Response.json(result, { status: result.success ? 200 : 503 });
});
