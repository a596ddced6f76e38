/** The admin's list of internal ranges cleanup hooks may be called on (lib/services/hook-addresses.ts). */
import type { z } from 'zod';
import 'server-only';
import type { Db } from '@/db/client';
import { setHookAllowedRanges, type HookRangesState } from '@/db/queries/settings';
import type { SessionUser } from '@/lib/auth/session';
import { currentHookRanges } from '@/lib/services/hook-addresses';
import type { setHookRangesInput } from '@/lib/validation/admin';
import { auditAdmin } from './audit';

export async function adminSetHookRanges(
  db: Db,
  actor: SessionUser,
  { ranges }: z.output<typeof setHookRangesInput>,
): Promise<HookRangesState> {
  // One transaction: the allowance and its admin event are stored together or not at all.
  await db.transaction(async (tx) => {
    const before = await currentHookRanges(tx);
    await setHookAllowedRanges(tx, ranges, actor.email);
    await auditAdmin(tx, actor, 'hooks.allowed_ranges', 'cleanup hooks', { from: before.ranges.join(', '), to: ranges.join(', ') });
  });
  return currentHookRanges(db);
}
