/**
 * What the remediation server actions answer to the browser: plain,
 * serialisable views (never database rows), shaped for what the UI shows.
 */
import type { RemediationWithComponent } from '@/db/queries/remediations';
import { remediationView, type RemediationView } from '@/lib/remediation/present';
import type { RequestOutcome } from '@/lib/remediation/request';

/** A manual restart / rollback / cleanup: it ran (with the card's result), or it waits for an approver. */
export type RequestResult =
  | {
      kind: 'executed';
      remediation: RemediationView;
      success: boolean;
      error: string | null;
      result: Record<string, unknown>;
      /** A cleanup with no hook proposes a restart, which may itself run or wait. */
      followUp?: RequestResult;
    }
  | { kind: 'pending'; remediation: RemediationView };

export function toRequestResult(outcome: RequestOutcome): RequestResult {
  if (outcome.kind === 'pending') return { kind: 'pending', remediation: remediationView(outcome.remediation) };
  const { execution, followUp } = outcome;
  const remediation = remediationView(execution.remediation);
  return {
    kind: 'executed',
    remediation,
    success: execution.outcome?.success ?? remediation.status === 'succeeded',
    error: execution.outcome?.error ?? remediation.error,
    result: execution.outcome?.result ?? remediation.result ?? {},
    ...(followUp && { followUp: toRequestResult(followUp) }),
  };
}

/** An approver's decision and, for an approval, what running the action produced. */
export interface DecisionResult {
  decision: 'approved' | 'rejected';
  remediation: RemediationView;
  /** The action's result when the approval ran it; null for a rejection. */
  result: Record<string, unknown> | null;
}

export function toDecisionResult(
  decision: DecisionResult['decision'],
  decided: { remediation: RemediationWithComponent; execution: { outcome: { result: Record<string, unknown> } | null } | null },
): DecisionResult {
  return {
    decision,
    remediation: remediationView(decided.remediation),
    result: decided.execution?.outcome?.result ?? null,
  };
}
