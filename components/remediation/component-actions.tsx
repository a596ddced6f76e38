'use client';

/**
 * Manual Restart / Rollback / Memory-leak cleanup of one component. Each opens
 * a confirmation that says exactly what will happen (lib/remediation/action-plan.ts); the
 * server action then applies the real policy, guardrails and approval queue.
 */
import { useId, useState, type FormEvent } from 'react';
import { requestAction } from '@/app/(console)/components/[name]/actions';
import { Dialog, dialogStyles } from '@/components/ui/dialog';
import { useServerAction } from '@/components/use-server-action';
import type { ActionResult } from '@/lib/actions/server-action';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import type { ManualActionView } from '@/lib/remediation/action-plan';
import type { RequestResult } from './outcomes';
import { RequestResultView } from './request-result';
import styles from './component-actions.module.css';

function ConfirmDialog({
  action,
  targets,
  onClose,
  onResult,
}: {
  action: ManualActionView;
  targets: ActionTargets;
  onClose: () => void;
  onResult: (result: ActionResult<RequestResult>) => void;
}) {
  const [choiceValue, setChoice] = useState(action.initial);
  const { run, pending, failure } = useServerAction(requestAction);
  const noteId = useId();
  const errorId = useId();
  const choice = action.choices.find((c) => c.value === choiceValue) ?? action.choices[0]!;
  const plan = choice.plan;
  const { name, environment } = targets.component;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim() || undefined;
    // The server's answer, accepted or refused, is shown beside the buttons once the dialog closes;
    // an unreachable server is said here, with the form kept for another try.
    run(
      { action: action.action, component: name, params: choice.params, ...(note && { note }) },
      {
        onAnswer: (result) => {
          onResult(result);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      open
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
        {action.choices.length > 1 && (
          <fieldset className={dialogStyles.choices}>
            <legend>{action.choicesLegend}</legend>
            {action.choices.map((c) => (
              <label key={c.value} className={dialogStyles.choice}>
                <input type="radio" name={action.choicesName} value={c.value} checked={choice.value === c.value} onChange={() => setChoice(c.value)} />
                <span>
                  {c.label}
                  {c.plan.blocker && <small> — unavailable: {c.plan.blocker}</small>}
                </span>
              </label>
            ))}
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
        {failure?.unreachable && (
          <p id={errorId} className={dialogStyles.error} role="alert" data-testid="action-unreachable">
            {failure.message}
          </p>
        )}
        <div className={dialogStyles.buttons}>
          <button type="button" className="button secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button
            type="submit"
            className="button"
            disabled={pending || plan.blocker !== null}
            aria-describedby={failure?.unreachable ? errorId : undefined}
          >
            {pending ? 'Sending…' : plan.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ComponentActions({
  targets,
  actions,
  role,
  canRequest,
}: {
  targets: ActionTargets;
  /** Every registered action with its dialog's words, worked out on the server (lib/remediation/action-plan.ts). */
  actions: ManualActionView[];
  role: string;
  canRequest: boolean;
}) {
  const [openAction, setOpen] = useState<ManualActionView['action'] | null>(null);
  const open = actions.find((a) => a.action === openAction) ?? null;
  const [result, setResult] = useState<ActionResult<RequestResult> | null>(null);
  const noteId = useId();

  return (
    <section className={styles.panel} aria-labelledby={`${noteId}-title`}>
      <h2 id={`${noteId}-title`} className={styles.title}>
        Actions
      </h2>
      <div className={styles.buttons}>
        {actions.map(({ action, label }) => (
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
      {open && <ConfirmDialog key={open.action} action={open} targets={targets} onClose={() => setOpen(null)} onResult={setResult} />}
    </section>
  );
}

export function NothingToActOn({ componentName }: { componentName: string }) {
  return <p className="muted">{componentName} is not registered, so there is nothing to act on.</p>;
}
