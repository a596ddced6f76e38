/** Machine credentials from the admin page: created (shown once) and revoked. */
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { findApiTokenById, revokeApiToken } from '@/db/queries/api-tokens';
import { ActionError } from '@/lib/actions/action-error';
import type { SessionUser } from '@/lib/auth/session';
import { createApiToken } from '@/lib/services/accounts';
import type { createTokenInput, revokeTokenInput } from '@/lib/validation/admin';
import { auditAdmin } from './audit';

/** The token in clear goes back to the admin's browser once; it is stored only as a hash. */
export async function adminCreateToken(
  db: Db,
  actor: SessionUser,
  input: z.output<typeof createTokenInput>,
): Promise<{ id: string; token: string; name: string; role: string }> {
  return db.transaction(async (tx) => {
    const created = await createApiToken(tx, input, actor.id);
    // The name and role only: the token itself goes to the admin's browser once and nowhere else.
    await auditAdmin(tx, actor, 'token.create', created.name, { role: created.role });
    return created;
  });
}

export async function adminRevokeToken(
  db: Db,
  actor: SessionUser,
  { tokenId }: z.output<typeof revokeTokenInput>,
): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, tokenId);
    if (!revoked) {
      const existing = await findApiTokenById(tx, tokenId);
      throw new ActionError(existing ? 'tokenId: that token is already revoked' : 'tokenId: no such token (reload the page)', 'tokenId');
    }
    await auditAdmin(tx, actor, 'token.revoke', revoked.name, { publicId: revoked.publicId });
    return { name: revoked.name };
  });
}
