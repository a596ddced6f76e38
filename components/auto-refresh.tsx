'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { OVERVIEW_REFRESH_MS } from '@/lib/dashboard/refresh';
import { usePolling } from './hooks/use-polling';

/**
 * Re-renders a server page every `intervalMs` while the tab is visible
 * (router.refresh keeps client state such as an open dialog), never in a
 * hidden tab, and at once when the tab comes back — the same rule as the
 * overview's react-query polling (usePolling). Says which it is doing.
 */
export function AutoRefresh({ intervalMs = OVERVIEW_REFRESH_MS }: { intervalMs?: number }) {
  const router = useRouter();
  const { visible, options } = usePolling(intervalMs);
  const interval = options.refetchInterval;

  useEffect(() => {
    if (interval === false) return;
    const id = setInterval(() => router.refresh(), interval);
    return () => clearInterval(id);
  }, [interval, router]);

  // Back on screen after being hidden: what is shown may be minutes old.
  const wasHidden = useRef(false);
  useEffect(() => {
    if (!visible) wasHidden.current = true;
    else if (wasHidden.current) {
      wasHidden.current = false;
      router.refresh();
    }
  }, [visible, router]);

  return (
    <span className="small muted" data-testid="auto-refresh">
      {visible ? `Refreshes every ${intervalMs / 1000}s` : 'Paused while this tab is hidden'}
    </span>
  );
}
