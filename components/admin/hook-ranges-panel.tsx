'use client';

import { useState } from 'react';
import { setHookRangesAction } from '@/app/(console)/admin/actions';
import type { HookRangesState } from '@/db/queries/settings';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';
import { LastChanged } from './last-changed';

/**
 * Which internal ranges cleanup hooks may be called on (lib/executors/http/address-policy.ts).
 * Public addresses are always allowed; link-local and metadata addresses never.
 */
export function HookRangesPanel({ state }: { state: HookRangesState }) {
  const { run, pending, failure } = useServerAction(setHookRangesAction);
  const [notice, setNotice] = useState('');
  const who = <LastChanged by={state.updatedBy} at={state.updatedAt} unchanged="Not changed yet: this is the default." />;
  return (
    <AdminPanel
      id="hook-ranges"
      title="Cleanup hook addresses"
      lead={
        <>
          Cleanup hooks are called on public addresses, and on the internal ranges listed here (loopback, private, shared
          ranges are refused otherwise). Link-local and cloud metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254)
          are never called, whatever is listed.{who}
        </>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const ranges = String(new FormData(event.currentTarget).get('ranges') ?? '');
          run({ ranges }, (saved) => setNotice(saved.ranges.length ? `Saved: ${saved.ranges.join(', ')}` : 'Saved: no internal range allowed'));
        }}
      >
        <div className="field">
          <label htmlFor="hook-ranges">Allowed internal ranges (CIDR, one per line or comma-separated)</label>
          <textarea
            id="hook-ranges"
            name="ranges"
            rows={3}
            defaultValue={state.ranges.join('\n')}
            aria-invalid={failure?.field === 'ranges' ? true : undefined}
            spellCheck={false}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          Save ranges
        </button>
      </form>
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      <FormError failure={failure} />
    </AdminPanel>
  );
}
