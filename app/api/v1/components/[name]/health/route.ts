import { validationError } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/body';
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { healingTriggers } from '@/lib/config';
import { runHealthCheck } from '@/lib/services/health-check';
import { componentNameSchema, sampleSchema } from '@/lib/validation/sample';

/** monitor_proactive_health: one sample in, the health dict out. */
export const POST = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const name = componentNameSchema.safeParse(params.name);
  if (!name.success) throw validationError(name.error, 'name');
  const sample = sampleSchema.safeParse(await readJsonBody(request));
  if (!sample.success) throw validationError(sample.error);
  return Response.json(await runHealthCheck(db, name.data, sample.data, { triggers: healingTriggers(), sender: senderOf(principal) }));
});
