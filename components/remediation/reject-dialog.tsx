'use client';

/** Rejecting needs a reason (SPEC §4: every decision says why); the server's schema is the one judge of it. */
import { useId, useState, useTransition, type FormEvent } from 'react';
import { rejectAction } from '@/app/(console)/approvals/actions';
import type { ActionResult } from '@/lib/actions/server-action';
import type { DecisionResult } from './outcomes';
import { Dialog } from './dialog';
import styles from './dialog.module.css';

export function RejectDialog({
  open,
  onClose,
  remediationId,
  summary,
  onDecided,
}: {
  open: boolean;
  onClose: () => void;
  remediationId: string;
  /** "Restart of checkout-api (production)". */
  summary: string;
  onDecided: (result: ActionResult<DecisionResult>) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    startTransition(async () => {
      const result = await rejectAction({ id: remediationId, reason });
      // A bad reason is fixed here; any other answer (done, expired, four-eyes…) belongs on the card.
      if (!result.ok && result.field === 'reason') {
        setError(result.error);
        return;
      }
      setError(null);
      onDecided(result);
      onClose();
    });
  }

  return (
    <Dialog
      open={open}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title="Reject this remediation?"
      description={<p>{summary} will not run. The requester and the audit log see your reason.</p>}
      testId="reject-dialog"
    >
      <form onSubmit={submit} noValidate>
        <label className={styles.label}>
          Reason (required)
          <textarea
            name="reason"
            className={styles.textarea}
            aria-required="true"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            maxLength={1000}
          />
        </label>
        {error && (
          <p id={errorId} className={styles.error} role="alert">
            {error}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="button" className="button secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
