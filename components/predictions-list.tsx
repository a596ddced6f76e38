'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { firstPendingId, isStale } from '@/lib/dashboard/proposal';
import { compareHealthRisk, isTriggered, riskTier } from '@/lib/dashboard/risk';
import { formatDuration, formatRiskScore } from '@/lib/healing/format';
import { bandForLevel } from '@/lib/healing/levels';
import { OVERVIEW_REFRESH_MS } from '@/lib/dashboard/refresh';
import type { Overview } from '@/lib/services/overview';
import { Age } from './age';
import { ConsoleProposal } from './console-proposal';
import { fetchOverview, queryKeys } from './queries';
import { LevelBadge, PendingApprovals, scoreTone, TrendLabel, TriggeredBadge } from './health-badges';
import { useNow } from './hooks/use-now';
import { usePolling } from './hooks/use-polling';
import { StaleBadge } from './stale-badge';

/**
 * Every component in risk order (lib/dashboard/risk.ts: critical predictions,
 * then components whose healing triggers fire, then by level and probability),
 * with the reasons, the healing triggers and current warnings, the card's
 * recommended action and what the console proposes — the page to open first
 * when on call. Shares the overview's live query, so both pages show the same snapshot.
 */
export function PredictionsList({ initial }: { initial: Overview }) {
  const { visible, options } = usePolling(OVERVIEW_REFRESH_MS);
  const query = useQuery({ queryKey: queryKeys.overview, queryFn: fetchOverview, initialData: initial, ...options });
  const now = useNow();
  const serverNow = Date.parse(query.data.generated_at);
  const maxAge = query.data.max_evidence_age_seconds;
  const checked = query.data.components.filter((c) => c.latest_health !== null).sort(compareHealthRisk);
  const unchecked = query.data.components.length - checked.length;
  const atRisk = checked.filter((c) => c.latest_health!.failure_prediction.level !== 'low' || isTriggered(c.latest_health!)).length;

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
            const triggered = isTriggered(h);
            const stale = isStale(h.checked_at, now ?? serverNow, maxAge);
            return (
              <li
                key={c.name}
                className={`card prediction-card level-${p.level}${triggered && p.level !== 'critical' ? ' triggered' : ''}`}
                data-component={c.name}
                data-level={p.level}
                data-tier={riskTier(h)}
              >
                <div className="who">
                  <h2>
                    <Link href={`/components/${c.name}`}>{c.name}</Link>
                  </h2>
                  <div className="headline">
                    <LevelBadge level={p.level} />
                    <span className="num" data-testid="probability" title="Risk score (the card's band, not a probability)">
                      risk {formatRiskScore(p.probability)}
                    </span>
                    <span>{p.time_to_failure}</span>
                    {triggered && p.level !== 'critical' && <TriggeredBadge />}
                  </div>
                  <div className="small muted" style={{ marginTop: 6 }}>
                    {c.environment} · score <span className={scoreTone(h.health_score)}>{h.health_score.toFixed(1)}</span> ·{' '}
                    <TrendLabel trend={h.trend} /> · checked <Age iso={h.checked_at} />{' '}
                    <StaleBadge checkedAt={h.checked_at} maxAgeSeconds={maxAge} fallbackNow={serverNow} />
                  </div>
                </div>
                <div>
                  <div className="proposal-row">
                    <span className="muted">Console proposes:</span>
                    <ConsoleProposal proposal={c.console_proposal} stale={stale} variant="card" />
                    {c.pending_approvals > 0 && (
                      <span className="small">
                        <PendingApprovals count={c.pending_approvals} firstId={firstPendingId(c.console_proposal)} /> awaiting approval
                      </span>
                    )}
                  </div>
                  <div className="small" style={{ marginTop: 4 }}>
                    <span className="muted">Recommended for a {p.level} prediction:</span>{' '}
                    <strong data-testid="recommended-action">{bandForLevel(p.level).recommended_action}</strong>
                    {p.minutes_to_failure !== null && p.minutes_to_failure < 1440 && (
                      <span className="muted">
                        {' '}
                        — {p.metric} {p.minutes_to_failure === 0 ? 'is critical now' : `critical in ${formatDuration(p.minutes_to_failure)}`}
                      </span>
                    )}
                  </div>
                  {h.healing_triggers.length > 0 && (
                    <>
                      <h3 className="list-title">Healing triggers</h3>
                      <ul className="reasons-list small" data-testid="healing-triggers">
                        {h.healing_triggers.map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  <h3 className="list-title">Prediction</h3>
                  <ul className="reasons-list small" data-testid="reasons">
                    {p.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {h.warnings.length > 0 && (
                    <>
                      <h3 className="list-title">Current warnings</h3>
                      <ul className="reasons-list small" data-testid="warnings">
                        {h.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
