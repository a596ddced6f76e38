'use client';

/**
 * Manual Restart / Rollback / Memory-leak cleanup of one component. Each opens
 * a confirmation that says exactly what will happen (action-plan.ts); the
 * server action then applies the real policy, guardrails and approval queue.
 */
import { useId, useState, useTransition, type FormEvent } from 'react';
import { cleanupAction, restartAction, rollbackAction } from '@/app/components/[name]/actions';
import { ROLLBACK_TYPES, type RollbackType } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/server-action';
import type { ActionTargets } from './action-targets';
import { planFor, type ManualAction } from './action-plan';
import { Dialog } from './dialog';
import type { RequestResult } from './outcomes';
import { RequestResultView } from './request-result';
import dialogStyles from './dialog.module.css';
import styles from './component-actions.module.css';

const BUTTONS: { action: ManualAction; label: string }[] = [
  { action: 'restart', label: 'Restart' },
  { action: 'rollback', label: 'Rollback' },
  { action: 'memory_cleanup', label: 'Memory-leak cleanup' },
];

const ROLLBACK_LABEL: Record<RollbackType, string> = {
  previous_state: 'Previous state — the runtime state recorded before the current one',
  config: 'Config — the console configuration before the last change',
  deployment: 'Deployment — the deploy before the live one',
};

/** The first rollback type that has something to restore, so the dialog opens on a runnable choice. */
function defaultRollbackType(targets: ActionTargets): RollbackType {
  return ROLLBACK_TYPES.find((type) => planFor('rollback', targets, type).blocker === null) ?? 'previous_state';
}

function ConfirmDialog({
  action,
  targets,
  onClose,
  onResult,
}: {
  action: ManualAction | null;
  targets: ActionTargets;
  onClose: () => void;
  onResult: (result: ActionResult<RequestResult>) => void;
}) {
  const [rollbackType, setRollbackType] = useState<RollbackType>(() => defaultRollbackType(targets));
  const [pending, startTransition] = useTransition();
  const noteId = useId();
  const plan = planFor(action ?? 'restart', targets, rollbackType);
  const { name, environment } = targets.component;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim() || undefined;
    startTransition(async () => {
      const input = { component: name, ...(note && { note }) };
      const result =
        action === 'restart'
          ? await restartAction(input)
          : action === 'rollback'
            ? await rollbackAction({ ...input, rollback_type: rollbackType })
            : await cleanupAction(input);
      onResult(result);
      onClose();
    });
  }

  return (
    <Dialog
      open={action !== null}
      onClose={onClose}
      title={plan.title}
      description={
        <>
          {plan.steps.map((step) => (
            <p key={step}>{step}</p>
          ))}
          {plan.blocker && (
            <p className={dialogStyles.error} data-testid="blocker">
              {plan.blocker}
            </p>
          )}
        </>
      }
      testId="action-dialog"
    >
      <form onSubmit={submit}>
        {action === 'rollback' && (
          <fieldset className={dialogStyles.choices}>
            <legend>Roll back to</legend>
            {ROLLBACK_TYPES.map((type) => {
              const blocker = planFor('rollback', targets, type).blocker;
              return (
                <label key={type} className={dialogStyles.choice}>
                  <input
                    type="radio"
                    name="rollback_type"
                    value={type}
                    checked={rollbackType === type}
                    onChange={() => setRollbackType(type)}
                  />
                  <span>
                    {ROLLBACK_LABEL[type]}
                    {blocker && <small> — unavailable: {blocker}</small>}
                  </span>
                </label>
              );
            })}
          </fieldset>
        )}
        <dl className={dialogStyles.facts}>
          <dt>Component</dt>
          <dd>{name}</dd>
          <dt>Environment</dt>
          <dd>{environment}</dd>
          <dt>Acts on</dt>
          <dd data-testid="target">{plan.target}</dd>
          <dt>Risk</dt>
          <dd data-testid="risk">
            {plan.risk.allowed ? (
              <>
                <span className={`badge ${plan.risk.risk === 'high' ? 'tone-crit' : 'tone-ok'}`}>{plan.risk.risk}</span>{' '}
                {plan.risk.why}
              </>
            ) : (
              <span className="tone-crit">not allowed — {plan.risk.why}</span>
            )}
          </dd>
          <dt>When</dt>
          <dd data-testid="when">{plan.when}</dd>
        </dl>
        {!plan.blocker && (
          <>
            <label className={dialogStyles.label} htmlFor={noteId}>
              Note for the record (optional)
            </label>
            <textarea id={noteId} name="note" className={dialogStyles.textarea} maxLength={1000} />
            <p className={dialogStyles.hint}>Shown to the approver and in the audit log as the reason.</p>
          </>
        )}
        <div className={dialogStyles.buttons}>
          <button type="button" className="button secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={pending || plan.blocker !== null}>
            {pending ? 'Sending…' : plan.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ComponentActions({ targets, role, canRequest }: { targets: ActionTargets; role: string; canRequest: boolean }) {
  const [open, setOpen] = useState<ManualAction | null>(null);
  const [result, setResult] = useState<ActionResult<RequestResult> | null>(null);
  const noteId = useId();

  return (
    <section className={styles.panel} aria-labelledby={`${noteId}-title`}>
      <h2 id={`${noteId}-title`} className={styles.title}>
        Actions
      </h2>
      <div className={styles.buttons}>
        {BUTTONS.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className="button secondary"
            disabled={!canRequest}
            aria-describedby={canRequest ? undefined : noteId}
            onClick={() => setOpen(action)}
          >
            {label}
          </button>
        ))}
      </div>
      {!canRequest && (
        <p id={noteId} className={styles.note}>
          Requesting actions needs the operator role; you are {role}.
        </p>
      )}
      <div aria-live="polite">{result && <RequestResultView result={result} />}</div>
      {/* Keyed by action so each opening starts from a fresh form. */}
      <ConfirmDialog key={open ?? 'closed'} action={open} targets={targets} onClose={() => setOpen(null)} onResult={setResult} />
    </section>
  );
}
