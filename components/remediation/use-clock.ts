'use client';

import { useSyncExternalStore } from 'react';

// One ticking clock for countdowns and ages. The server snapshot is null so the
// server render and hydration agree; the client then switches to live time.
function subscribe(onTick: () => void): () => void {
  const id = setInterval(onTick, 1_000);
  return () => clearInterval(id);
}
const snapshot = () => Math.floor(Date.now() / 1_000) * 1_000;
const serverSnapshot = () => null;

/** Now, to the second, on the client; null during server rendering. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
