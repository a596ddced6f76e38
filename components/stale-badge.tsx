'use client';

import { isStale } from '@/lib/dashboard/proposal';
import { useNow } from './hooks/use-now';

/**
 * "stale" when the check is older than the reconciler acts on
 * (MAX_EVIDENCE_AGE_SECONDS, passed from the server). `fallbackNow` (epoch ms,
 * the server's clock) decides before hydration, so server and client agree.
 */
export function StaleBadge({ checkedAt, maxAgeSeconds, fallbackNow }: { checkedAt: string; maxAgeSeconds: number; fallbackNow: number }) {
  const now = useNow() ?? fallbackNow;
  if (!isStale(checkedAt, now, maxAgeSeconds)) return null;
  return (
    <span
      className="badge stale"
      data-testid="stale"
      title={`No check for over ${Math.round(maxAgeSeconds / 60)} min: this is old news, and the console does not act on it`}
    >
      stale
    </span>
  );
}
