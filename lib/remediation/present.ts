/** The public (API and page) view of a remediation: snake_case, ISO times, time left before expiry. */
import type { RemediationWithComponent } from '@/db/queries/remediations';

export interface RemediationView {
  id: string;
  component: string;
  environment: string;
  action: RemediationWithComponent['action'];
  params: RemediationWithComponent['params'];
  risk: RemediationWithComponent['risk'];
  status: RemediationWithComponent['status'];
  reason: string;
  evidence: Record<string, unknown>;
  /** Who sent the samples behind the evidence: none of them may approve it. */
  evidence_senders: RemediationWithComponent['evidenceSenders'];
  /** What it will act on, fixed when it was requested (no secrets: hook URLs without credentials or query). */
  target: RemediationWithComponent['target'];
  requested_by: string;
  requested_by_kind: RemediationWithComponent['requestedByKind'];
  /** The person behind the request (a token's creator); the four-eyes rule compares it. */
  requester_user_id: string | null;
  automatic: boolean;
  created_at: string;
  expires_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  started_at: string | null;
  finished_at: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function remediationView(r: RemediationWithComponent): RemediationView {
  return {
    id: r.id,
    component: r.component,
    environment: r.environment,
    action: r.action,
    params: r.params,
    risk: r.risk,
    status: r.status,
    reason: r.reason,
    evidence: r.evidence,
    evidence_senders: r.evidenceSenders,
    target: r.target,
    requested_by: r.requestedBy,
    requested_by_kind: r.requestedByKind,
    requester_user_id: r.requesterUserId,
    automatic: r.automatic,
    created_at: r.createdAt.toISOString(),
    expires_at: iso(r.expiresAt),
    decided_by: r.decidedBy,
    decided_at: iso(r.decidedAt),
    decision_reason: r.decisionReason,
    started_at: iso(r.startedAt),
    finished_at: iso(r.finishedAt),
    result: r.result,
    error: r.error,
  };
}

/** The four-eyes test of decide() on the view: did this person ask, themself or through a token they created? */
export function isRequestedBy(view: RemediationView, person: { id: string; email: string }): boolean {
  return (
    (view.requester_user_id !== null && view.requester_user_id === person.id) ||
    (view.requested_by_kind === 'user' && view.requested_by.toLowerCase() === person.email.toLowerCase())
  );
}

/** The evidence four-eyes test of decide() on the view: did this person send a sample behind it? */
export function sentEvidenceOf(view: RemediationView, person: { id: string }): boolean {
  return view.evidence_senders.some((sender) => sender.user_id === person.id);
}
