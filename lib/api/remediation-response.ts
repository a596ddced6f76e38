/**
 * HTTP answers of the remediation endpoints (SPEC §7): a low-risk action
 * answers 200 with the card's result; a high-risk one 202 with the pending
 * remediation; refusals are domain errors (409 names the guardrail).
 */
import 'server-only';
import { remediationView } from '@/lib/remediation/present';
import type { RequestOutcome } from '@/lib/remediation/request';

export function outcomeResponse(outcome: RequestOutcome): Response {
  if (outcome.kind === 'pending') {
    return Response.json(
      {
        status: 'pending_approval',
        message: `${outcome.remediation.action} of ${outcome.remediation.component} is waiting for an approver`,
        remediation: remediationView(outcome.remediation),
      },
      { status: 202 },
    );
  }
  const { execution, followUp } = outcome;
  return Response.json({
    ...execution.outcome?.result,
    remediation: remediationView(execution.remediation),
    ...(followUp && {
      proposed_restart:
        followUp.kind === 'pending'
          ? remediationView(followUp.remediation)
          : remediationView(followUp.execution.remediation),
    }),
  });
}
