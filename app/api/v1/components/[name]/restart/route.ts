import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { componentNameParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import { outcomeResponse } from '@/lib/remediation/respond';
import { restartSchema } from '@/lib/validation/remediation';

/** restart_service_via_render: `{service_id?}`, defaulting to the component's render_service_id. */
export const POST = apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
  const component = componentNameParam(params.name);
  const body = restartSchema.safeParse(await readJsonBody(request, undefined, { emptyAs: {} }));
  if (!body.success) throw validationError(body.error);
  const outcome = await requestRemediation(
    db,
    {
      component,
      action: 'restart',
      params: { service_id: body.data.service_id ?? null },
      reason: `restart requested by ${principal.name}`,
      requester: actorFromPrincipal(principal),
    },
    remediationDeps(),
  );
  return outcomeResponse(outcome);
});
