'use client';

import './globals.css';

/** Last resort when the root layout itself fails: its own document, same reticence as app/error.tsx. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <body>
        <title>Error · Self-Healing Console</title>
        <main id="main">
          <h1>The console could not be loaded</h1>
          <p className="subtitle">Something went wrong on the server. Trying again often helps.</p>
          <button className="button" type="button" onClick={() => retry()}>
            Try again
          </button>
          {digest && <p className="small muted">Reference for the server log: {digest}</p>}
        </main>
      </body>
    </html>
  );
}
