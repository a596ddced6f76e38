'use client';

/**
 * One pending remediation: what, where, why, who asked, how long it has left,
 * and — for an approver who did not request it — Approve and Reject. After a
 * decision the card stays and shows what happened.
 */
import Link from 'next/link';
import { useState } from 'react';
import { approveAction } from '@/app/(console)/approvals/actions';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';
import type { ActionResult } from '@/lib/actions/server-action';
import type { RemediationView } from '@/lib/remediation/present';
import { isRequestedBy, sentEvidenceOf } from '@/lib/remediation/view-checks';
import { EvidenceView } from './evidence';
import { TargetView } from './target-view';
import { formatDurationMs, formatUtc } from '@/lib/format';
import { requesterKindLabel } from './requester-kind';
import type { DecisionResult } from './outcomes';
import { RejectDialog } from './reject-dialog';
import { ResultFields } from './result-fields';
import styles from './approvals.module.css';

export interface Viewer {
  id: string;
  email: string;
  role: string;
  /** Approver or admin. */
  canDecide: boolean;
}


function TimeLeft({ item, now }: { item: RemediationView; now: number | null }) {
  if (!item.expires_at) return null;
  if (now === null) return <span>expires at {formatUtc(item.expires_at, true)}</span>;
  const left = Date.parse(item.expires_at) - now;
  const total = Date.parse(item.expires_at) - Date.parse(item.created_at);
  const urgent = left < total / 4;
  return (
    <span className={urgent ? 'tone-high' : undefined} data-testid="time-left">
      {left > 0 ? `expires in ${formatDurationMs(left)}` : 'expired'}
    </span>
  );
}

function Outcome({ outcome }: { outcome: ActionResult<DecisionResult> }) {
  if (!outcome.ok) {
    return (
      <div className={`${styles.outcome} ${styles.outcomeError}`} role="alert" data-testid="decision-outcome">
        <strong>Not decided:</strong> {outcome.error}
      </div>
    );
  }
  const { decision, remediation, result } = outcome.data;
  if (decision === 'rejected') {
    return (
      <div className={styles.outcome} role="status" data-testid="decision-outcome">
        <strong>Rejected by you.</strong> Reason: {remediation.decision_reason}. It will not run.
      </div>
    );
  }
  const succeeded = remediation.status === 'succeeded';
  return (
    <div className={`${styles.outcome} ${succeeded ? '' : styles.outcomeError}`} role="status" data-testid="decision-outcome">
      <strong>Approved by you — {succeeded ? 'executed: succeeded' : `executed: ${remediation.status}`}.</strong>{' '}
      {remediation.error ?? (typeof result?.message === 'string' ? result.message : '')}
      {result && <ResultFields result={result} />}
    </div>
  );
}

export function ApprovalCard({
  item,
  now,
  viewer,
  outcome,
  onDecided,
}: {
  item: RemediationView;
  now: number | null;
  viewer: Viewer;
  outcome: ActionResult<DecisionResult> | undefined;
  onDecided: (item: RemediationView, result: ActionResult<DecisionResult>) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const { run: runApprove, pending: approving, failure: approveFailure } = useServerAction(approveAction);
  const summary = `${item.action_label} of ${item.component} (${item.environment})`;
  const own = isRequestedBy(item, viewer);
  // Four-eyes on the evidence (decide() refuses it too): they may reject, not approve.
  const sentEvidence = sentEvidenceOf(item, viewer);

  // A refusal is the card's outcome; an unreachable server leaves the buttons for another try.
  const approve = () => runApprove({ id: item.id }, { onAnswer: (result) => onDecided(item, result) });

  return (
    <article id={item.id} className={`card ${styles.item}`} data-remediation-id={item.id} aria-label={summary}>
      <header className={styles.itemHead}>
        <h3 className={styles.itemTitle}>
          {item.action_label} of{' '}
          <Link href={`/components/${encodeURIComponent(item.component)}`}>{item.component}</Link>
        </h3>
        <span className="muted">{item.environment}</span>
        <span className={`badge ${item.risk === 'high' ? 'tone-crit' : 'tone-ok'}`}>{item.risk} risk</span>
        <span className="spacer" />
        <span className="small muted">
          requested {now === null ? `at ${formatUtc(item.created_at, true)}` : `${formatDurationMs(now - Date.parse(item.created_at))} ago`}
        </span>
        {!outcome && <TimeLeft item={item} now={now} />}
      </header>
      <p className={styles.reason}>{item.reason}</p>
      <p className="small muted">
        Requested by <strong data-testid="requested-by">{item.requested_by}</strong> ({requesterKindLabel(item.requested_by_kind)})
      </p>
      <TargetView target={item.target} />
      {item.evidence_senders.length > 0 && (
        <p className="small muted">
          Evidence sent by <strong data-testid="evidence-senders">{item.evidence_senders.map((s) => s.name).join(', ')}</strong>
        </p>
      )}
      <EvidenceView evidence={item.evidence} />
      {outcome ? (
        <Outcome outcome={outcome} />
      ) : own ? (
        <p className={styles.note}>You requested this — another approver must decide.</p>
      ) : viewer.canDecide ? (
        <div className={styles.decide}>
          {sentEvidence ? (
            <span className={styles.note}>You sent the evidence behind this request — another approver must approve it.</span>
          ) : (
            <button type="button" className="button" onClick={approve} disabled={approving}>
              {approving ? 'Approving…' : 'Approve'}
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => setRejecting(true)} disabled={approving}>
            Reject
          </button>
          {!sentEvidence && <span className="small muted">Approving runs it at once, on {item.component}.</span>}
        </div>
      ) : null}
      {!outcome && approveFailure?.unreachable && <FormError failure={approveFailure} />}
      {viewer.canDecide && !own && (
        <RejectDialog
          open={rejecting}
          onClose={() => setRejecting(false)}
          remediationId={item.id}
          summary={summary}
          onDecided={(result) => onDecided(item, result)}
        />
      )}
    </article>
  );
}
