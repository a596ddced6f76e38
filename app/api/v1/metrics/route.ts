import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { healingTriggers } from '@/lib/config';
import { ingestBatch } from '@/lib/services/ingest';
import { BATCH_BODY_LIMIT, batchSchema } from '@/lib/validation/sample';

export const POST = apiRoute({ role: 'operator' }, async ({ request, db, principal }) => {
  const batch = batchSchema.safeParse(await readJsonBody(request, BATCH_BODY_LIMIT));
  if (!batch.success) throw validationError(batch.error);
  // {accepted, assessed}: samples stored, components judged (one check each, on its newest sample).
  return Response.json(await ingestBatch(db, batch.data.samples, { triggers: healingTriggers(), sender: senderOf(principal) }));
});
