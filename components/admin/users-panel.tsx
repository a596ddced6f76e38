'use client';

import { useState } from 'react';
import { setUserDisabledAction, setUserRoleAction } from '@/app/(console)/admin/actions';
import type { UserSummary } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { CreateUserDialog } from './create-user-dialog';
import { FormError } from '@/components/ui/form-error';
import { formatUtc } from '@/lib/format';
import { useServerAction } from '@/components/use-server-action';

/** `roles` and `minPasswordLength` come from the server so this bundle stays free of server modules. */
export function UsersPanel({
  users,
  me,
  roles,
  minPasswordLength,
}: {
  users: UserSummary[];
  me: string;
  roles: readonly Role[];
  minPasswordLength: number;
}) {
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <AdminPanel
      id="users"
      title="Users"
      lead="People who sign in to the console. A role change or a disabled account takes effect on their next click."
      action={
        <button type="button" className="button" onClick={() => setCreating(true)}>
          Add user
        </button>
      }
    >
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      <table className="table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className={styles.visuallyHidden}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} self={user.id === me} roles={roles} onNotice={setNotice} />
          ))}
        </tbody>
      </table>
      <CreateUserDialog
        open={creating}
        roles={roles}
        minPasswordLength={minPasswordLength}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          setNotice(`Created ${user.role} ${user.email}.`);
        }}
      />
    </AdminPanel>
  );
}

function UserRow({
  user,
  self,
  roles,
  onNotice,
}: {
  user: UserSummary;
  self: boolean;
  roles: readonly Role[];
  onNotice: (text: string) => void;
}) {
  const role = useServerAction(setUserRoleAction);
  const disable = useServerAction(setUserDisabledAction);
  const disabled = user.disabledAt !== null;
  const failure = role.failure ?? disable.failure;
  return (
    <tr data-user={user.email} className={disabled ? styles.inactive : undefined}>
      <td>
        {user.email}
        {self && <span className="muted small"> (you)</span>}
      </td>
      <td>{user.name ?? <span className="muted">—</span>}</td>
      <td>
        <select
          className={styles.select}
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={role.pending || self}
          title={self ? 'Another admin must change your role' : undefined}
          onChange={(event) => {
            const next = event.target.value as Role;
            role.run({ userId: user.id, role: next }, () => onNotice(`${user.email} is now ${next}.`));
          }}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {failure && <FormError failure={failure} />}
      </td>
      <td>
        {disabled ? (
          <span className="badge muted" title={`Disabled ${formatUtc(user.disabledAt)}`}>
            Disabled
          </span>
        ) : (
          <span className="badge tone-ok">Active</span>
        )}
      </td>
      <td className="small muted">{formatUtc(user.createdAt)}</td>
      <td className={styles.actions}>
        {!self && (
          <button
            type="button"
            className="button secondary"
            disabled={disable.pending}
            onClick={() =>
              disable.run({ userId: user.id, disabled: !disabled }, () =>
                onNotice(`${user.email} is ${disabled ? 'enabled' : 'disabled'}.`),
              )
            }
          >
            {disabled ? 'Enable' : 'Disable'}
          </button>
        )}
      </td>
    </tr>
  );
}
