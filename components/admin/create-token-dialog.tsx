'use client';

import { useState } from 'react';
import { createTokenAction } from '@/app/(console)/admin/actions';
import type { Role } from '@/db/schema';
import styles from './admin.module.css';
import { CopyButton } from './copy-button';
import { Dialog, dialogStyles } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';

type Created = { token: string; name: string; role: string };

/**
 * Two steps in one dialog: name and role, then the token — shown this once
 * (only its hash is stored), with a copy button. Closing forgets it.
 */
export function CreateTokenDialog({ open, roles, onClose }: { open: boolean; roles: readonly Role[]; onClose: () => void }) {
  const { run, pending, failure, clearFailure } = useServerAction(createTokenAction);
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    setCreated(null);
    clearFailure();
    onClose();
  };
  return (
    <Dialog open={open} title={created ? `Token "${created.name}" created` : 'Create API token'} onClose={close}>
      {created ? (
        <div>
          <p className={styles.warning}>
            Copy the token now. It is shown only once; the console keeps only a hash of it.
          </p>
          <label className="field">
            Token ({created.role})
            <textarea
              className={styles.secret}
              readOnly
              rows={2}
              value={created.token}
              data-testid="new-token"
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          <div className={dialogStyles.buttons}>
            <CopyButton text={created.token} label="Copy token" />
            <button type="button" className="button secondary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            // The select offers only roles; the server's schema still judges what arrives.
            run({ name: String(form.get('name') ?? ''), role: String(form.get('role') ?? '') as Role }, setCreated);
          }}
        >
          <FormError failure={failure} />
          <label className="field">
            Name
            <input name="name" autoComplete="off" placeholder="e.g. ingest-prod" aria-invalid={failure?.field === 'name' || undefined} />
          </label>
          <label className="field">
            Role
            <select name="role" className={styles.select} defaultValue="operator" aria-invalid={failure?.field === 'role' || undefined}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <div className={dialogStyles.buttons}>
            <button type="button" className="button secondary" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button" disabled={pending}>
              {pending ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
