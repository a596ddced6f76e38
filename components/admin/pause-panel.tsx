'use client';

import { setPauseAction } from '@/app/(console)/admin/actions';
import type { PauseState } from '@/db/queries/settings';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { FormError } from '@/components/ui/form-error';
import { formatUtc } from '@/lib/format';
import { useServerAction } from '@/components/use-server-action';

/** The global switch (SPEC §4): while paused, nothing runs automatically; humans still can. */
export function PausePanel({ pause }: { pause: PauseState }) {
  const { run, pending, failure } = useServerAction(setPauseAction);
  const who = pause.updatedBy && (
    <>
      {' '}
      by {pause.updatedBy} at <time className={styles.when}>{formatUtc(pause.updatedAt)}</time>
    </>
  );
  return (
    <AdminPanel
      id="automation"
      title="Automation"
      className={pause.paused ? styles.pausedPanel : undefined}
      leadTestId="pause-state"
      lead={
        pause.paused ? (
          <>
            <span className="badge tone-crit">Paused</span> No remediation runs automatically. Paused{who}.
          </>
        ) : (
          <>
            <span className="badge tone-ok">Running</span> Remediations run as their policies allow.
            {pause.updatedBy && <> Last resumed{who}.</>}
          </>
        )
      }
      action={
        <button
          type="button"
          className={pause.paused ? 'button' : `button ${styles.danger}`}
          disabled={pending}
          onClick={() => run({ paused: !pause.paused })}
        >
          {pause.paused ? 'Resume automation' : 'Pause automation'}
        </button>
      }
    >
      <FormError failure={failure} />
    </AdminPanel>
  );
}
