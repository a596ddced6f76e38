import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { componentNameParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import { outcomeResponse } from '@/lib/remediation/respond';
import { rollbackSchema } from '@/lib/validation/remediation';

/** rollback_component: `{rollback_type: previous_state | config | deployment, service_id?}`. */
export const POST = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const component = componentNameParam(params.name);
  const body = rollbackSchema.safeParse(await readJsonBody(request));
  if (!body.success) throw validationError(body.error);
  const rollback = { rollback_type: body.data.rollback_type, service_id: body.data.service_id ?? null };
  const deps = remediationDeps();
  const outcome = await requestRemediation(
    db,
    {
      component,
      action: 'rollback',
      params: rollback,
      reason: `${body.data.rollback_type} rollback requested by ${principal.name}`,
      requester: actorFromPrincipal(principal),
    },
    deps,
  );
  return outcomeResponse(outcome);
});
