'use client';

import { useSyncExternalStore } from 'react';

// A one-second clock for "12s ago" labels. The server snapshot is null so the
// server render and hydration agree; the client then switches to live time.
function subscribe(onTick: () => void): () => void {
  const id = setInterval(onTick, 1_000);
  return () => clearInterval(id);
}
const snapshot = () => Math.floor(Date.now() / 1_000) * 1_000;
const serverSnapshot = () => null;

/** Epoch ms rounded to the second, or null during the server render and hydration. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
