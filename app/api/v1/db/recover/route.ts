import { getDatabase } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { recoverDatabaseConnection } from '@/lib/remediation/db-recovery';

/** recover_database_connection: probes the console's pool with backoff and records the outcome. */
export const POST = apiRoute({ role: 'operator' }, async () => {
  const result = await recoverDatabaseConnection(getDatabase);
  return Response.json(result, { status: result.success ? 200 : 503 });
});
