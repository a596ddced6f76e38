'use server';

/**
 * Any manual remediation from a component's page, one server action for all
 * of them: requestRemediation applies the same policy, guardrails and approval
 * queue as the HTTP endpoints and the reconciler; a high-risk request comes back pending.
 */
import { actionRequestInput } from '@/lib/validation/action-inputs';
import { toRequestResult } from '@/components/remediation/outcomes';
import { requestEvidence } from '@/lib/remediation/evidence';
import { serverAction } from '@/lib/actions/server-action';
import { actionOf } from '@/lib/remediation/actions';
import { actorFromUser, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';

export const requestAction = serverAction(
  { role: 'operator', schema: actionRequestInput, name: 'request-remediation', revalidate: ['/approvals'] },
  async (input, { user, db }) => {
    const outcome = await requestRemediation(
      db,
      {
        component: input.component,
        action: input.action,
        params: input.params,
        reason: input.note || `${actionOf(input.action).requestedAs(input.params)} requested by ${user.email}`,
        evidence: await requestEvidence(db, input.component),
        requester: actorFromUser(user),
      },
      remediationDeps(),
    );
    return toRequestResult(outcome);
  },
);
