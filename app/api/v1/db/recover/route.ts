import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
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
const recovery = z.looseObject({ success: z.boolean(), recovered: z.boolean().optional(), message: z.string().optional() });

export const POST = apiRoute(
  {
    operationId: 'recover_database',
    summary: "Probe the console's database connection with backoff",
    description: 'recover_database_connection. `recovered: false` (and no audit row) when the database was reachable.',
    tag: 'Console',
    role: 'operator',
    responses: {
      200: { description: 'Reachable, or recovered.', schema: recovery },
      503: { description: 'Still unreachable, or known to be down (then answered before the handler, as every route).', schema: z.union([recovery, apiErrorSchema]) },
    },
  },
  async () => {
    const result = await recoverDatabaseConnection(getDatabase);
    return Response.json(result, { status: result.success ? 200 : 503 });
  },
);
