'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { formatAge, formatUtc } from '@/lib/format';
import { firstPendingId, isStale } from '@/lib/dashboard/proposal';
import { applyOverviewFilter, isTriggered, LEVELS, parseOverviewFilter, riskTier, SORTS, subjectTier, type OverviewSort } from '@/lib/dashboard/risk';
import { OVERVIEW_REFRESH_MS } from '@/lib/dashboard/refresh';
import { overviewSummary } from '@/lib/dashboard/summary';
import { whyCell, whyLines } from '@/lib/dashboard/why';
import { formatDuration, formatRiskScore } from '@/lib/healing/format';
import type { HealthReport } from '@/lib/services/health-report';
import type { Overview } from '@/lib/services/overview';
import { ConsoleProposal } from './console-proposal';
import { fetchOverview, queryKeys } from './queries';
import { LevelBadge, PendingApprovals, scoreTone, TrendLabel, TriggeredBadge } from './health-badges';
import { useNow } from './hooks/use-now';
import { usePolling } from './hooks/use-polling';
import { FiringAlerts } from './firing-alerts';
import { StaleBadge } from './stale-badge';


function breachSummary(h: HealthReport): string {
  const critical = h.breaches.filter((b) => b.level === 'critical').length;
  const warning = h.breaches.length - critical;
  return [critical && `${critical} critical`, warning && `${warning} warning${warning === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' · ');
}

const SORT_LABEL: Record<OverviewSort, string> = { risk: 'Risk (critical, triggered, then likeliest)', score: 'Health score (lowest first)', name: 'Name' };

/**
 * The live component list: polled every 5 s while the tab is visible, filtered
 * and sorted from the URL (?env=&level=&sort=) so a view can be shared.
 */
export function ComponentTable({ initial }: { initial: Overview }) {
  const { visible, options } = usePolling(OVERVIEW_REFRESH_MS);
  const query = useQuery({ queryKey: queryKeys.overview, queryFn: fetchOverview, initialData: initial, ...options });
  const now = useNow();
  const searchParams = useSearchParams();
  const filter = parseOverviewFilter(searchParams);
  const all = query.data.components;
  const environments = [...new Set(all.map((c) => c.environment))].sort();
  const rows = applyOverviewFilter(all, filter);
  const maxAge = query.data.max_evidence_age_seconds;
  const serverNow = Date.parse(query.data.generated_at);
  // Before hydration the server's clock decides, so both renders agree.
  const summary = overviewSummary(all, now ?? serverNow, maxAge);

  // Native history keeps the URL shareable without a server round trip; Next.js syncs useSearchParams.
  function setParam(name: string, value: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (value) params.set(name, value);
    else params.delete(name);
    const qs = params.toString();
    window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
  }

  return (
    <>
      {query.isError && (
        <div className="notice crit" role="alert">
          <strong>Live updates failed</strong> — {query.error.message}. Showing data from {formatUtc(query.data.generated_at, true)}; retrying.
        </div>
      )}
      <form className="filters" aria-label="Filter components" onSubmit={(e) => e.preventDefault()}>
        <label>
          Environment
          <select name="env" value={filter.environment ?? ''} onChange={(e) => setParam('env', e.target.value)}>
            <option value="">All environments</option>
            {environments.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
            {filter.environment && !environments.includes(filter.environment) && (
              <option value={filter.environment}>{filter.environment}</option>
            )}
          </select>
        </label>
        <label>
          Prediction level
          <select name="level" value={filter.level ?? ''} onChange={(e) => setParam('level', e.target.value)}>
            <option value="">All levels</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" value={filter.sort} onChange={(e) => setParam('sort', e.target.value === 'risk' ? '' : e.target.value)}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABEL[sort]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {all.length > 0 && (
        <p className="overview-summary" data-testid="overview-summary">
          {summary.length === 0 ? (
            <span className="tone-ok">Nothing needs attention: no prediction above low, no healing trigger, nothing waiting.</span>
          ) : (
            summary.map((part, i) => (
              <span key={part.key} data-part={part.key} className={`summary-${part.key}`}>
                {i > 0 && <span aria-hidden="true"> · </span>}
                {part.text}
              </span>
            ))
          )}
        </p>
      )}
      <div className="status-line" aria-live="polite">
        <span data-testid="component-count">
          {rows.length === all.length ? `${all.length} components` : `${rows.length} of ${all.length} components`}
        </span>
        <span>{visible ? `Refreshes every ${OVERVIEW_REFRESH_MS / 1000}s` : 'Paused while this tab is hidden'}</span>
      </div>
      {all.length === 0 ? (
        <div className="card empty">
          No component has reported yet. Send a sample to <code>POST /api/v1/components/&lt;name&gt;/health</code>.
        </div>
      ) : rows.length === 0 ? (
        <div className="card empty">No component matches these filters.</div>
      ) : (
        <div className="table-wrap">
          <table className="table reflow" aria-label="Components">
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Health</th>
                <th scope="col">Trend</th>
                <th scope="col" className="wrap">
                  Prediction · time to failure
                </th>
                <th scope="col">Why</th>
                <th scope="col" className="wrap">
                  Console proposes
                </th>
                <th scope="col" className="wrap">
                  Last check
                </th>
                <th scope="col" className="wrap">
                  Pending approvals
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const h = c.latest_health;
                const p = h?.failure_prediction;
                const why = whyCell(h ? whyLines(h) : []);
                const stale = h ? isStale(h.checked_at, now ?? serverNow, maxAge) : false;
                return (
                  <tr key={c.name} data-component={c.name} data-level={p?.level ?? 'none'} data-tier={subjectTier(c)}>
                    <th scope="row">
                      <Link href={`/components/${c.name}`}>{c.name}</Link>
                      <div className="small muted">{c.environment}</div>
                      <FiringAlerts alerts={c.firing_alerts} reference={query.data.generated_at} />
                    </th>
                    {h && p ? (
                      <>
                        <td data-label="Health">
                          <span className={`score num ${scoreTone(h.health_score)}`} data-testid="health-score">
                            {h.health_score.toFixed(1)}
                          </span>
                          {h.breaches.length > 0 && <div className="small muted nowrap">{breachSummary(h)}</div>}
                        </td>
                        <td data-testid="trend" data-label="Trend">
                          <TrendLabel trend={h.trend} />
                        </td>
                        <td className="nowrap" data-label="Prediction">
                          <div data-testid="prediction">
                            <LevelBadge level={p.level} /> <span className="num" title="Risk score (the card's band, not a probability)">risk {formatRiskScore(p.probability)}</span>
                          </div>
                          <div data-testid="time-to-failure">
                            {p.time_to_failure}
                            {p.minutes_to_failure !== null && p.minutes_to_failure < 1440 && (
                              <div className="small muted">
                                {p.minutes_to_failure === 0 ? 'now' : formatDuration(p.minutes_to_failure)}
                                {p.metric && ` · ${p.metric}`}
                              </div>
                            )}
                          </div>
                          {p.level !== 'critical' && isTriggered(h) && (
                            <div style={{ marginTop: 4 }}>
                              <TriggeredBadge />
                            </div>
                          )}
                        </td>
                        {/* Nothing to worry about reads quieter, so the rows that matter stand out. */}
                        <td className={`small reasons${riskTier(h) === 'calm' ? ' muted' : ''}`} data-label="Why" data-testid="why">
                          {why.shown.map((line) => (
                            <div key={line}>{line}</div>
                          ))}
                          {why.more > 0 && (
                            <Link
                              href={`/components/${c.name}`}
                              className="more-link"
                              aria-label={`+${why.more} more reasons for ${c.name}`}
                              title={h ? whyLines(h).slice(why.shown.length).join('\n') : undefined}
                              data-testid="why-more"
                            >
                              +{why.more} more
                            </Link>
                          )}
                        </td>
                        <td className="small proposal" data-label="Console proposes">
                          <ConsoleProposal proposal={c.console_proposal} stale={stale} />
                        </td>
                        <td className="small muted nowrap" data-label="Last check" data-testid="last-check">
                          {now === null ? formatUtc(h.checked_at, true) : formatAge(Date.parse(h.checked_at), now)}
                          <div>
                            <StaleBadge checkedAt={h.checked_at} maxAgeSeconds={maxAge} fallbackNow={serverNow} />
                          </div>
                        </td>
                      </>
                    ) : (
                      <td colSpan={6} className="muted reasons">
                        {c.firing_alerts.length > 0 ? 'No health check yet; known from its Alertmanager alerts.' : 'Samples stored; no health check yet.'}
                      </td>
                    )}
                    <td className="num" data-testid="pending-approvals" data-label="Pending approvals">
                      <PendingApprovals count={c.pending_approvals} firstId={firstPendingId(c.console_proposal)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
