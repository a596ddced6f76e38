import { formatRate, formatDurationSeconds } from '@/lib/format';
import type { AnalyticsReport } from '@/lib/services/analytics-report';

/** The window's headline numbers, as text (the charts below show the same data graphically). */
export function SummaryCards({ report }: { report: AnalyticsReport }) {
  const { remediations, recovery_time: recovery } = report;
  const finished = remediations.succeeded + remediations.failed;
  const approved = report.approvals.find((a) => a.decision === 'approved')?.count ?? 0;
  const rejected = report.approvals.find((a) => a.decision === 'rejected')?.count ?? 0;
  return (
    <section aria-label="Summary" className="grid small-cards" style={{ marginBottom: 16 }}>
      <div className="card stat">
        <div className="label">Logged actions</div>
        <div className="value" data-testid="total-rows">
          {report.total_rows.toLocaleString('en-US')}
        </div>
      </div>
      <div className="card stat">
        <div className="label">Remediation success</div>
        <div className="value" data-testid="success-rate">
          {formatRate(remediations.success_rate)}
        </div>
        <div className="small muted">
          {finished === 0 ? 'none finished' : `${remediations.succeeded} succeeded · ${remediations.failed} failed`}
        </div>
      </div>
      <div className="card stat">
        <div className="label">Proposal → recovery</div>
        <div className="value" data-testid="recovery-median">
          {formatDurationSeconds(recovery.median_seconds)}
        </div>
        <div className="small muted" title="From the proposal to the component's first healthy check after the action finished">
          {recovery.count === 0 ? 'no recovery yet' : `median of ${recovery.count} · p90 ${formatDurationSeconds(recovery.p90_seconds)}`}
          {recovery.not_recovered > 0 && ` · ${recovery.not_recovered} not recovered yet`}
        </div>
      </div>
      <div className="card stat">
        <div className="label">Approvals</div>
        <div className="value">
          {approved} <span className="small muted">approved</span> · {rejected} <span className="small muted">rejected</span>
        </div>
      </div>
    </section>
  );
}
