'use client';

import { usePageVisible } from './use-page-visible';

/**
 * react-query options for live data: refetch every `intervalMs` while the tab
 * is visible, never in the background, and at once when the SRE comes back.
 */
export function usePolling(intervalMs: number) {
  const visible = usePageVisible();
  return {
    visible,
    options: {
      refetchInterval: visible ? intervalMs : (false as const),
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
    },
  };
}
