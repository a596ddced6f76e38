/**
 * Where cleanup hooks may be called: the admin's `hook_allowed_ranges` setting
 * (default: loopback) on top of the fixed rules of lib/executors/http/address-policy.ts.
 * Read when a component's cleanup_url is configured (a 400 naming cleanup_url)
 * and before every hook call (the executor connects only to a checked address).
 */
import 'server-only';
import type { Db } from '@/db/client';
import { hookAllowedRanges, type HookRangesState } from '@/db/queries/settings';
import { DomainError } from '@/lib/healing/domain-error';
import { DEFAULT_HOOK_ALLOWED_RANGES, parseAllowedRanges } from '@/lib/executors/http/address-policy';
import { hookUrlRefusal } from '@/lib/executors/http/hook-url';
import type { Resolver } from '@/lib/executors/http/outbound';

export function currentHookRanges(db: Db): Promise<HookRangesState> {
  return hookAllowedRanges(db, DEFAULT_HOOK_ALLOWED_RANGES);
}

/** 400 naming cleanup_url when `url` is on an address hooks may not be called on; nothing for null/absent. */
export function assertCleanupUrlAllowed(db: Db, url: string | null | undefined, resolve?: Resolver): Promise<void> {
  return assertOutboundUrlAllowed(db, url, 'cleanup_url', resolve);
}

/** The same rule for any URL the console will call (a Prometheus source's base_url too): 400 naming `field`. */
export async function assertOutboundUrlAllowed(db: Db, url: string | null | undefined, field: string, resolve?: Resolver): Promise<void> {
  if (!url) return;
  const parsed = parseAllowedRanges((await currentHookRanges(db)).ranges);
  const refusal = await hookUrlRefusal(url, 'ranges' in parsed ? parsed.ranges : [], resolve);
  if (refusal) {
    throw new DomainError('validation_failed', `${field}: ${refusal}`, { issues: [{ field, message: refusal }] });
  }
}
