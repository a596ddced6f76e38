'use client';

import { useQuery } from '@tanstack/react-query';
import { usePolling } from './hooks/use-polling';

const PROBE_MS = 15_000;

interface HealthAnswer {
  status: string;
  database: { status: string };
}

/** GET /api/health answers 503 with a JSON body when the database is down; both are answers. */
async function probe(): Promise<HealthAnswer> {
  const res = await fetch('/api/health', { cache: 'no-store' });
  if (res.status !== 200 && res.status !== 503) throw new Error(`health probe answered ${res.status}`);
  return (await res.json()) as HealthAnswer;
}

/**
 * A plain-words banner on every page when the console's database is
 * unavailable or the console itself cannot be reached. Silent otherwise.
 */
export function DatabaseBanner() {
  const { options } = usePolling(PROBE_MS);
  const query = useQuery({ queryKey: ['console-health'], queryFn: probe, retry: false, ...options });
  const unreachable = query.isError;
  const dbDown = query.data !== undefined && query.data.database.status !== 'ok';
  if (!unreachable && !dbDown) return null;
  return (
    <div className="banner crit" role="alert" data-testid="database-banner">
      <strong>{dbDown ? 'Database unavailable' : 'Console unreachable'}</strong>
      <p>
        {dbDown
          ? 'The console cannot reach its database. Figures on this page are from the last successful refresh; health checks and healing actions are not being recorded.'
          : 'The console is not answering. Figures on this page may be out of date; it keeps retrying.'}
      </p>
    </div>
  );
}
