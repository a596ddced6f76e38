/** What came of a manual action: the card's result, the pending approval, or why it was refused. */
import Link from 'next/link';
import type { ActionResult } from '@/lib/actions/server-action';
import { formatUtc } from '@/lib/format';
import type { RequestResult } from './outcomes';
import { ResultFields } from './result-fields';
import styles from './component-actions.module.css';

function Outcome({ result }: { result: RequestResult }) {
  const r = result.remediation;
  const what = `${r.action_label} of ${r.component}`;
  if (result.kind === 'pending') {
    return (
      <div className={styles.pending} data-testid="request-pending" data-remediation-id={r.id}>
        <strong>{what} is waiting for an approver</strong> ({r.risk} risk; expires {formatUtc(r.expires_at, true)}).{' '}
        <Link href="/approvals">Open the approval queue</Link>
      </div>
    );
  }
  return (
    <div
      className={result.success ? styles.succeeded : styles.failed}
      data-testid="request-executed"
      data-remediation-id={r.id}
    >
      <strong>
        {what}: {result.success ? 'succeeded' : `failed — ${result.error ?? 'see the result'}`}
      </strong>
      <ResultFields result={result.result} />
      {result.followUp && (
        <div className={styles.followUp}>
          <p>Proposed instead:</p>
          <Outcome result={result.followUp} />
        </div>
      )}
    </div>
  );
}

export function RequestResultView({ result }: { result: ActionResult<RequestResult> }) {
  if (!result.ok) {
    return (
      <div className={styles.failed} role="alert" data-testid="request-refused">
        <strong>Refused:</strong> {result.error}
      </div>
    );
  }
  return <Outcome result={result.data} />;
}
