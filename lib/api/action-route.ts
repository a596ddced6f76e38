/**
 * The one route handler behind every `POST /api/v1/components/{name}/<action>`:
 * the action's registry definition supplies the body schema, the words and the
 * route's OpenAPI operation (actionOperation, which the document lists for every
 * action of the registry); requestRemediation applies policy, guardrails and the approval queue.
 */
import 'server-only';
import type { RemediationAction } from '@/lib/healing/vocabulary';
import { actionOf, type ActionDefinition } from '@/lib/remediation/actions';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import { apiErrorSchema } from './schemas/error';
import { actionResultSchema, pendingApprovalSchema } from './schemas/remediation';
import { componentNameParams } from './params';
import { outcomeResponse } from './remediation-response';
import { apiRoute } from './route';

/** The URL path of an action's route, as the document names it. */
export const actionPath = (definition: ActionDefinition) => `/api/v1/components/{name}/${definition.route}`;

export function actionOperation(definition: ActionDefinition) {
  return {
    operationId: `request_${definition.name}`,
    summary: `${definition.label} of a component`,
    description: `${definition.apiDescription} Low risk runs at once (200); high risk waits for an approver (202).`,
    tag: 'Remediation' as const,
    role: 'operator' as const,
    params: componentNameParams,
    body: { schema: definition.paramsSchema, emptyAs: definition.bodyRequired ? undefined : {} },
    responses: {
      200: { description: 'Ran at once (low risk): the result and the remediation.', schema: actionResultSchema },
      202: { description: 'High risk: waiting in the approval queue.', schema: pendingApprovalSchema },
      404: { description: 'Unknown component.', schema: apiErrorSchema },
      409: { description: 'A guardrail, an open request for the same action, or nothing to act on.', schema: apiErrorSchema },
    },
  };
}

export function actionRoute(action: RemediationAction) {
  const definition = actionOf(action);
  return apiRoute(actionOperation(definition), async ({ params, body, db, principal }) => {
    const actionParams = definition.toParams(body);
    const outcome = await requestRemediation(
      db,
      {
        component: params.name,
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
