'use client';

import { useQuery } from '@tanstack/react-query';
import { usePolling } from './hooks/use-polling';
import { fetchConsoleHealth, queryKeys } from './queries';

const PROBE_MS = 15_000;

/**
 * A plain-words banner on every page when the console's database is
 * unavailable or the console itself cannot be reached. Silent otherwise.
 */
export function DatabaseBanner() {
  const { options } = usePolling(PROBE_MS);
  const query = useQuery({ queryKey: queryKeys.consoleHealth, queryFn: fetchConsoleHealth, retry: false, ...options });
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
