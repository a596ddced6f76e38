import { z } from 'zod';
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { healingTriggers } from '@/lib/config';
import { ingestBatch } from '@/lib/services/ingest';
import { BATCH_BODY_LIMIT, batchSchema } from '@/lib/validation/sample';

export const POST = apiRoute(
  {
    operationId: 'ingest_batch',
    summary: 'Send a batch of samples',
    description: 'Up to 10,000 samples of any components in one transaction, all or nothing (body up to 8 MB).',
    tag: 'Metrics',
    role: 'operator',
    body: { schema: batchSchema, limit: BATCH_BODY_LIMIT },
    responses: {
      200: {
        description: 'How many samples were stored, and how many components were judged (one health check each, on its newest sample).',
        schema: z.object({ accepted: z.number().int(), assessed: z.number().int() }),
      },
      422: { description: 'The batch would register more than MAX_NEW_COMPONENTS_PER_BATCH or MAX_COMPONENTS.', schema: apiErrorSchema },
    },
  },
  async ({ body, db, principal }) =>
    Response.json(await ingestBatch(db, body.samples, { triggers: healingTriggers(), sender: senderOf(principal) })),
);
