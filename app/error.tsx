'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

/**
 * Any page that fails to render lands here. It never shows the error's text
 * (which may name tables or hosts); it says whether the database is the
 * cause, gives the reference the server log carries, and offers a retry.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const [database, setDatabase] = useState<'checking' | 'ok' | 'down'>('checking');

  useEffect(() => {
    let cancelled = false;
    fetch('/api/health', { cache: 'no-store' })
      .then(async (res) => ((await res.json()) as { database?: { status?: string } }).database?.status === 'ok')
      .catch(() => false)
      .then((ok) => !cancelled && setDatabase(ok ? 'ok' : 'down'));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main id="main">
      <h1>This page could not be loaded</h1>
      {database === 'down' ? (
        <p className="notice crit" role="alert">
          The console cannot reach its database right now. Health data and actions are unavailable until it is back.
        </p>
      ) : (
        <p className="subtitle">Something went wrong while preparing this page. Trying again often helps.</p>
      )}
      <p style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <button className="button" type="button" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/">Back to the overview</Link>
      </p>
      {digest && <p className="small muted">Reference for the server log: {digest}</p>}
    </main>
  );
}
