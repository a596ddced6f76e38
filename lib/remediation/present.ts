/**
 * The public (API and page) view of a remediation: snake_case, ISO times, time left before expiry.
 * The four-eyes tests on a view, which the browser runs too, are in ./view-checks.ts.
 */
import 'server-only';
import type { RemediationWithComponent } from '@/db/queries/remediations';
import { actionOf } from './actions';

export interface RemediationView {
  id: string;
  component: string;
  environment: string;
  action: RemediationWithComponent['action'];
  params: RemediationWithComponent['params'];
  /** "Rollback (deployment)": the action's own words (its registry module). */
  action_label: string;
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
    action_label: actionOf(r.action).title(r.params),
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
