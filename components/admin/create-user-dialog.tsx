'use client';

import { createUserAction } from '@/app/(console)/admin/actions';
import type { UserSummary } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import styles from './admin.module.css';
import { Dialog, dialogStyles } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';

/**
 * New user with a role and an initial password. The browser does not
 * validate (noValidate): the server's message names the field, whatever sent it.
 */
export function CreateUserDialog({
  open,
  onClose,
  onCreated,
  roles,
  minPasswordLength,
}: {
  roles: readonly Role[];
  minPasswordLength: number;
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserSummary) => void;
}) {
  const { run, pending, failure, clearFailure } = useServerAction(createUserAction);
  const invalid = (field: string) => (failure?.field === field ? true : undefined);
  const close = () => {
    clearFailure();
    onClose();
  };
  return (
    <Dialog open={open} title="Add user" onClose={close}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          run(
            {
              email: String(form.get('email') ?? ''),
              name: String(form.get('name') ?? ''),
              // The select offers only roles; the server's schema still judges what arrives.
              role: String(form.get('role') ?? '') as Role,
              password: String(form.get('password') ?? ''),
            },
            (user) => {
              clearFailure();
              onCreated(user);
            },
          );
        }}
      >
        <FormError failure={failure} />
        <label className="field">
          Email
          <input name="email" type="email" autoComplete="off" aria-invalid={invalid('email')} />
        </label>
        <label className="field">
          <span>
            Name <span className="muted small">(optional)</span>
          </span>
          <input name="name" autoComplete="off" aria-invalid={invalid('name')} />
        </label>
        <label className="field">
          Role
          <select name="role" className={styles.select} defaultValue="viewer" aria-invalid={invalid('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Initial password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={invalid('password')}
            aria-describedby="new-password-hint"
          />
          <span id="new-password-hint" className="muted small">
            At least {minPasswordLength} characters. Hand it over out of band; it is never shown again.
          </span>
        </label>
        <div className={dialogStyles.buttons}>
          <button type="button" className="button secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Creating…' : 'Create user'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
