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
  const before = await currentHookRanges(db);
  await setHookAllowedRanges(db, ranges, actor.email);
  auditAdmin(actor, 'hooks.allowed_ranges', 'cleanup hooks', { from: before.ranges, to: ranges });
  return currentHookRanges(db);
}
