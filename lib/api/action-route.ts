/**
 * The one route handler behind every `POST /api/v1/components/{name}/<action>`:
 * the action's registry definition supplies the body schema and the words;
 * requestRemediation applies policy, guardrails and the approval queue.
 */
import 'server-only';
import type { RemediationAction } from '@/lib/healing/vocabulary';
import { actionOf } from '@/lib/remediation/actions';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import { readJsonBody } from './body';
import { validationError } from './errors';
import { componentNameParam } from './params';
import { outcomeResponse } from './remediation-response';
import { apiRoute } from './route';

export function actionRoute(action: RemediationAction) {
  const definition = actionOf(action);
  return apiRoute<{ name: string }>({ role: 'operator' }, async ({ request, params, db, principal }) => {
    const component = componentNameParam(params.name);
    const raw = await readJsonBody(request, undefined, definition.bodyRequired ? undefined : { emptyAs: {} });
    const body = definition.paramsSchema.safeParse(raw);
    if (!body.success) throw validationError(body.error);
    const actionParams = definition.toParams(body.data);
    const outcome = await requestRemediation(
      db,
      {
        component,
        action,
        params: actionParams,
        reason: `${definition.requestedAs(actionParams)} requested by ${principal.name}`,
        requester: actorFromPrincipal(principal),
      },
      remediationDeps(),
    );
    return outcomeResponse(outcome);
  });
}
