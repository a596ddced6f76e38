'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { compareRisk } from '@/lib/dashboard/risk';
import { formatDuration } from '@/lib/healing/format';
import { bandForLevel } from '@/lib/healing/levels';
import type { Overview } from '@/lib/services/overview';
import { fetchOverview, OVERVIEW_REFRESH_MS } from './component-table';
import { Age } from './age';
import { LevelBadge, PendingApprovals, scoreTone, TrendLabel } from './health-badges';
import { usePolling } from './hooks/use-polling';

/**
 * Every component ordered by failure probability, with the reasons and the
 * card's recommended action — the page to open first when on call. Shares the
 * overview's live query, so both pages show the same snapshot.
 */
export function PredictionsList({ initial }: { initial: Overview }) {
  const { visible, options } = usePolling(OVERVIEW_REFRESH_MS);
  const query = useQuery({ queryKey: ['overview'], queryFn: fetchOverview, initialData: initial, ...options });
  const checked = query.data.components.filter((c) => c.latest_health !== null).sort(compareRisk);
  const unchecked = query.data.components.length - checked.length;
  const atRisk = checked.filter((c) => c.latest_health!.failure_prediction.level !== 'low').length;

  return (
    <>
      {query.isError && (
        <div className="notice crit" role="alert">
          <strong>Live updates failed</strong> — {query.error.message}. Retrying.
        </div>
      )}
      <div className="status-line" aria-live="polite">
        <span data-testid="at-risk-count">
          {atRisk === 0 ? 'No component is heading for failure' : `${atRisk} of ${checked.length} components at risk`}
        </span>
        {unchecked > 0 && <span>{unchecked} not checked yet</span>}
        <span>{visible ? `Refreshes every ${OVERVIEW_REFRESH_MS / 1000}s` : 'Paused while this tab is hidden'}</span>
      </div>
      {checked.length === 0 ? (
        <div className="card empty">No health check has run yet, so there is nothing to predict.</div>
      ) : (
        <ol className="predictions" aria-label="Failure predictions, most likely first">
          {checked.map((c) => {
            const h = c.latest_health!;
            const p = h.failure_prediction;
            return (
              <li key={c.name} className={`card prediction-card level-${p.level}`} data-component={c.name} data-level={p.level}>
                <div className="who">
                  <h2>
                    <Link href={`/components/${c.name}`}>{c.name}</Link>
                  </h2>
                  <div className="headline">
                    <LevelBadge level={p.level} />
                    <span className="num" data-testid="probability">
                      {Math.round(p.probability * 100)}%
                    </span>
                    <span>{p.time_to_failure}</span>
                  </div>
                  <div className="small muted" style={{ marginTop: 6 }}>
                    {c.environment} · score <span className={scoreTone(h.health_score)}>{h.health_score.toFixed(1)}</span> ·{' '}
                    <TrendLabel trend={h.trend} /> · checked <Age iso={h.checked_at} />
                  </div>
                </div>
                <div>
                  <div>
                    Recommended: <strong data-testid="recommended-action">{bandForLevel(p.level).recommended_action}</strong>
                    {p.minutes_to_failure !== null && p.minutes_to_failure < 1440 && (
                      <span className="muted">
                        {' '}
                        — {p.metric} {p.minutes_to_failure === 0 ? 'is critical now' : `critical in ${formatDuration(p.minutes_to_failure)}`}
                      </span>
                    )}
                    {c.pending_approvals > 0 && (
                      <span>
                        {' '}
                        · <PendingApprovals count={c.pending_approvals} /> awaiting approval
                      </span>
                    )}
                  </div>
                  <ul className="reasons-list small">
                    {p.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
