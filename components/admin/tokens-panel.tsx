'use client';

import { useState } from 'react';
import { revokeTokenAction } from '@/app/(console)/admin/actions';
import type { TokenSummary } from '@/db/queries/api-tokens';
import type { Role } from '@/db/schema';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { CreateTokenDialog } from './create-token-dialog';
import { Dialog, dialogStyles } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { formatUtc } from '@/lib/format';
import { useServerAction } from '@/components/use-server-action';

export function TokensPanel({ tokens, roles }: { tokens: TokenSummary[]; roles: readonly Role[] }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <AdminPanel
      id="tokens"
      title="API tokens"
      lead="Machine credentials for the HTTP API. A revoked token is refused on its next request."
      action={
        <button type="button" className="button" onClick={() => setCreating(true)}>
          Create token
        </button>
      }
    >
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      {tokens.length === 0 ? (
        <p className="empty">No API tokens yet.</p>
      ) : (
        <table className="table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created by</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className={styles.visuallyHidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-token={token.name} className={token.revokedAt ? styles.inactive : undefined}>
                <td>
                  {token.name}
                  <div className="small muted">
                    <code>shc_{token.publicId}_…</code>
                  </div>
                </td>
                <td>{token.role}</td>
                <td>{token.createdBy ?? <span className="muted">CLI</span>}</td>
                <td className="small muted">{formatUtc(token.createdAt)}</td>
                <td className="small muted">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : 'never'}</td>
                <td>
                  {token.revokedAt ? (
                    <span className="badge tone-crit" title={`Revoked ${formatUtc(token.revokedAt)}`}>
                      Revoked
                    </span>
                  ) : (
                    <span className="badge tone-ok">Active</span>
                  )}
                </td>
                <td className={styles.actions}>
                  {!token.revokedAt && (
                    <button type="button" className="button secondary" onClick={() => setRevoking(token)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateTokenDialog open={creating} roles={roles} onClose={() => setCreating(false)} />
      <RevokeDialog
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(name) => {
          setRevoking(null);
          setNotice(`Revoked token ${name}.`);
        }}
      />
    </AdminPanel>
  );
}

function RevokeDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: TokenSummary | null;
  onClose: () => void;
  onRevoked: (name: string) => void;
}) {
  const { run, pending, failure, clearFailure } = useServerAction(revokeTokenAction);
  const close = () => {
    clearFailure();
    onClose();
  };
  return (
    <Dialog
      open={token !== null}
      title={`Revoke token "${token?.name ?? ''}"?`}
      onClose={close}
      description={
        <p className={styles.lead}>
          Anything using it gets <code>401</code> from its next request on. This cannot be undone; create a new token instead.
        </p>
      }
    >
      <FormError failure={failure} />
      <div className={dialogStyles.buttons}>
        <button type="button" className="button secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${styles.danger}`}
          disabled={pending}
          onClick={() => token && run({ tokenId: token.id }, ({ name }) => onRevoked(name))}
        >
          {pending ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </Dialog>
  );
}
