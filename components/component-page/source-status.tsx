import Link from 'next/link';
import { Age } from '@/components/age';
import type { ComponentSourceStatus } from '@/lib/services/source-status';

/**
 * Where a component's samples come from when a Prometheus source pulls them, and whether
 * the last pull worked. A failing pull is said as such: the health shown beside it is only
 * as new as the last sample that was pulled.
 */
export function SourceStatusList({ statuses, showComponent = false }: { statuses: ComponentSourceStatus[]; showComponent?: boolean }) {
  if (statuses.length === 0) return null;
  return (
    <ul className="source-status" aria-label="Prometheus source status">
      {statuses.map((s) => (
        <li key={`${s.source}/${s.component}`} className={s.ok ? 'ok' : 'error'} data-testid="source-status">
          {showComponent && (
            <>
              <Link href={`/components/${s.component}`}>{s.component}</Link>:{' '}
            </>
          )}
          Prometheus source <strong>{s.source}</strong>{' '}
          {s.ok ? (
            <>pulled <Age iso={s.checkedAt} /></>
          ) : (
            <>
              failing: {s.error} (checked <Age iso={s.checkedAt} />; last sample{' '}
              {s.lastSampleAt ? <Age iso={s.lastSampleAt} /> : 'never'})
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
