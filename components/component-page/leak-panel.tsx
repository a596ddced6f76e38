import { formatMemoryRatePerHour } from '@/lib/healing/format';
import type { LeakAnalysis } from '@/lib/healing/types';

/** The latest memory-leak assessment from the health report, with the evidence behind the verdict. */
export function LeakPanel({ leak }: { leak: LeakAnalysis | null }) {
  return (
    <section className="card" aria-labelledby="leak-title" data-testid="leak-panel">
      <h2 id="leak-title">Memory leak</h2>
      {!leak ? (
        <p className="muted">No health check yet.</p>
      ) : (
        <>
          <p>
            {leak.leak_detected ? (
              <span className="badge level-critical">
                <span aria-hidden="true">■</span>Leak detected
              </span>
            ) : (
              <span className="badge level-low">
                <span aria-hidden="true">●</span>No leak
              </span>
            )}
          </p>
          <p>{leak.reason}</p>
          <dl className="facts">
            <dt>Series</dt>
            <dd>{leak.metric ?? '—'}</dd>
            <dt>Points (last 60 min)</dt>
            <dd className="num">{leak.points}</dd>
            <dt>Growth</dt>
            <dd className="num">
              {leak.growth_per_hour !== null && leak.metric ? formatMemoryRatePerHour(leak.metric, leak.growth_per_hour) : '—'}
            </dd>
            <dt>Fit R²</dt>
            <dd className="num">{leak.r_squared?.toFixed(2) ?? '—'}</dd>
            <dt>Steps rising</dt>
            <dd className="num">{leak.rising_fraction === null ? '—' : `${Math.round(leak.rising_fraction * 100)}%`}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
