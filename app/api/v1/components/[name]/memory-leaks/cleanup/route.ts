import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { componentNameParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import { outcomeResponse } from '@/lib/remediation/respond';
import { cleanupSchema } from '@/lib/validation/remediation';

/** detect_and_cleanup_memory_leaks: cleans only when a leak is detected; no hook → a restart is proposed. */
export const POST = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const component = componentNameParam(params.name);
  const body = cleanupSchema.safeParse(await readJsonBody(request, undefined, { emptyAs: {} }));
  if (!body.success) throw validationError(body.error);
  const outcome = await requestRemediation(
    db,
    {
      component,
      action: 'memory_cleanup',
      params: {},
      reason: `memory-leak cleanup requested by ${principal.name}`,
      requester: actorFromPrincipal(principal),
    },
    remediationDeps(),
  );
  return outcomeResponse(outcome);
});
