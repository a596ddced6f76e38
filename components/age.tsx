'use client';

import { formatAge, formatUtc } from '@/lib/format';
import { useNow } from './hooks/use-now';

/** "12s ago", ticking; the exact UTC time on hover and before hydration. */
export function Age({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatUtc(iso, true)}>
      {now === null ? formatUtc(iso, true) : formatAge(Date.parse(iso), now)}
    </time>
  );
}
