/** The History tab: what was decided, by whom and why, and what running it did. */
import Link from 'next/link';
import type { RemediationView } from '@/lib/remediation/present';
import { formatUtc } from '@/lib/format';
import { requesterKindLabel } from './requester-kind';
import styles from './approvals.module.css';

const STATUS_TONE: Record<RemediationView['status'], string> = {
  proposed: 'muted',
  pending_approval: 'muted',
  approved: 'tone-warn',
  executing: 'tone-warn',
  succeeded: 'tone-ok',
  failed: 'tone-crit',
  rejected: 'tone-high',
  expired: 'muted',
};

function outcomeText(r: RemediationView): string {
  switch (r.status) {
    case 'rejected':
      return 'Not run.';
    case 'expired':
      return 'No approver decided in time; it never ran.';
    case 'approved':
    case 'executing':
      return 'Running…';
    default: {
      const message = r.result?.message;
      return r.error ?? (typeof message === 'string' ? message : '');
    }
  }
}

/** How many rows the page asks for; the note says when older ones were left out. */
export const HISTORY_LIMIT = 100;

export function ApprovalHistory({ rows, includePolicy }: { rows: RemediationView[]; includePolicy: boolean }) {
  return (
    <>
      <div className="status-line">
        <span>
          {includePolicy ? 'All remediations' : 'Remediations that needed an approver'}, latest activity first ({rows.length}
          {rows.length === HISTORY_LIMIT ? ', older ones not shown' : ''})
        </span>
        <Link className={styles.textLink} href={includePolicy ? '/approvals?tab=history' : '/approvals?tab=history&all=1'}>
          {includePolicy ? 'Only those that needed an approver' : 'Also show low-risk ones the policy ran'}
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="card empty">No remediation has been decided yet.</div>
      ) : (
        <table className={`table ${styles.history}`} aria-label="Approval history">
          <thead>
            <tr>
              <th>Remediation</th>
              <th>Requested</th>
              <th>Decision</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-remediation-id={r.id} data-status={r.status}>
                <td>
                  <strong>{r.action_label}</strong> of{' '}
                  <Link href={`/components/${encodeURIComponent(r.component)}`}>{r.component}</Link>
                  <div className="small muted">
                    {r.environment} · <span className={r.risk === 'high' ? 'tone-crit' : 'tone-ok'}>{r.risk} risk</span>
                  </div>
                  <div className="small">{r.reason}</div>
                </td>
                <td className="small">
                  <div>{r.requested_by}</div>
                  <div className="muted">{requesterKindLabel(r.requested_by_kind)}</div>
                  <div className="muted">{formatUtc(r.created_at, true)}</div>
                </td>
                <td className="small">
                  {r.decided_by ? (
                    <>
                      <div data-testid="decided-by">{r.decided_by}</div>
                      <div className="muted">{formatUtc(r.decided_at, true)}</div>
                      {r.decision_reason && <div data-testid="decision-reason">“{r.decision_reason}”</div>}
                    </>
                  ) : (
                    <span className="muted">nobody</span>
                  )}
                </td>
                <td className="small">
                  <span className={`badge ${STATUS_TONE[r.status]}`} data-testid="status">
                    {r.status}
                  </span>
                  <div data-testid="outcome">{outcomeText(r)}</div>
                  {r.finished_at && <div className="muted">{formatUtc(r.finished_at, true)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
