'use client';

/** Rejecting needs a reason (SPEC §4: every decision says why); the server's schema is the one judge of it. */
import { useId, type FormEvent } from 'react';
import { rejectAction } from '@/app/(console)/approvals/actions';
import { Dialog, dialogStyles as styles } from '@/components/ui/dialog';
import { useServerAction } from '@/components/use-server-action';
import type { ActionResult } from '@/lib/actions/server-action';
import type { DecisionResult } from './outcomes';

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
  const { run, pending, failure, clearFailure } = useServerAction(rejectAction);
  const errorId = useId();
  // A bad reason or an unreachable server is fixed here; any other answer (done, expired, four-eyes…) belongs on the card.
  const error = failure && (failure.field === 'reason' || failure.unreachable) ? failure.message : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    run(
      { id: remediationId, reason },
      {
        onAnswer: (result) => {
          if (!result.ok && result.field === 'reason') return;
          onDecided(result);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={() => {
        clearFailure();
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
            aria-invalid={failure?.field === 'reason' ? 'true' : undefined}
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
