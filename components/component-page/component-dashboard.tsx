'use client';

/**
 * A component's page below the header, live: react-query polls
 * GET /api/v1/components/{name}/dashboard every 5 s while the tab is visible
 * (usePolling, the overview's rule), never in a hidden tab, at once when it
 * comes back. The first render uses the server's data. The actions panel
 * refreshes with it and keeps an open dialog open.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Age } from '@/components/age';
import { MetricCharts, ScoreChart } from '@/components/charts/metric-charts';
import { AlertsPanel } from '@/components/component-page/alerts-panel';
import { ConfigHistory, StateHistory } from '@/components/component-page/history-tables';
import { LeakPanel } from '@/components/component-page/leak-panel';
import { PredictionPanel } from '@/components/component-page/prediction-panel';
import { SourceStatusList } from '@/components/component-page/source-status';
import { ConsoleProposal } from '@/components/console-proposal';
import { LevelBadge, PendingApprovals, scoreTone, TrendLabel, TriggeredBadge } from '@/components/health-badges';
import { usePolling } from '@/components/hooks/use-polling';
import { fetchComponentPage, queryKeys } from '@/components/queries';
import { ComponentActions, NothingToActOn } from '@/components/remediation/component-actions';
import { SegmentedLinks } from '@/components/segmented-links';
import { StaleBadge } from '@/components/stale-badge';
import { CHART_RANGES, DURATION_LABEL, type ChartRange } from '@/lib/dashboard/durations';
import { firstPendingId, isStale } from '@/lib/dashboard/proposal';
import { OVERVIEW_REFRESH_MS } from '@/lib/dashboard/refresh';
import { isTriggered } from '@/lib/dashboard/risk';
import type { ComponentPageData } from '@/lib/services/component-page';

export function ComponentDashboard({ initial, range }: { initial: ComponentPageData; range: ChartRange }) {
  const name = initial.view.detail.name;
  const { visible, options } = usePolling(OVERVIEW_REFRESH_MS);
  const query = useQuery({
    queryKey: queryKeys.component(name, range),
    queryFn: () => fetchComponentPage(name, range),
    initialData: initial,
    ...options,
  });
  const { view, actions, sourceStatuses } = query.data;
  const { detail } = view;
  const h = detail.latest_health;
  // `to` is the server's "now" when it read the data, so server and client renders agree.
  const serverNow = view.to;
  const stale = h ? isStale(h.checked_at, serverNow, view.maxEvidenceAgeSeconds) : false;
  return (
    <>
      <p className="small muted">
        <Link href="/">Overview</Link> / component
      </p>
      <div className="page-head">
        <div>
          <h1>{detail.name}</h1>
          <p className="subtitle">
            {detail.environment} · policy {detail.policy} · {detail.sample_count.toLocaleString('en-US')} samples
            {h && (
              <>
                {' '}
                · last check <Age iso={h.checked_at} />{' '}
                <StaleBadge checkedAt={h.checked_at} maxAgeSeconds={view.maxEvidenceAgeSeconds} fallbackNow={serverNow} />
              </>
            )}
            {' · '}
            <span className="small muted" data-testid="auto-refresh">
              {visible ? `Refreshes every ${OVERVIEW_REFRESH_MS / 1000}s` : 'Paused while this tab is hidden'}
            </span>
          </p>
        </div>
        <SegmentedLinks
          label="Chart range"
          options={CHART_RANGES}
          current={range}
          href={(r) => `/components/${detail.name}?range=${r}`}
          text={(r) => r}
        />
      </div>

      <SourceStatusList statuses={sourceStatuses} />

      {/* Manual restart / rollback / cleanup, each behind a confirmation dialog. */}
      {actions ? <ComponentActions {...actions} /> : <NothingToActOn componentName={detail.name} />}

      <section aria-label="Current state" className="grid small-cards">
        <div className="card stat">
          <div className="label">Health score</div>
          <div className={`value ${h ? scoreTone(h.health_score) : 'muted'}`} data-testid="health-score">
            {h ? h.health_score.toFixed(1) : '—'}
          </div>
        </div>
        <div className="card stat">
          <div className="label">Trend</div>
          <div className="value">{h ? <TrendLabel trend={h.trend} /> : '—'}</div>
        </div>
        <div className="card stat">
          <div className="label">Prediction</div>
          <div className="value">
            {h ? <LevelBadge level={h.failure_prediction.level} /> : '—'}{' '}
            {h && h.failure_prediction.level !== 'critical' && isTriggered(h) && <TriggeredBadge />}
          </div>
        </div>
        <div className="card stat">
          <div className="label">Time to failure</div>
          <div className="value">{h ? h.failure_prediction.time_to_failure : '—'}</div>
        </div>
        <div className="card stat">
          <div className="label">Pending approvals</div>
          <div className="value">
            <PendingApprovals count={view.pendingApprovals} firstId={firstPendingId(view.proposal)} />
          </div>
        </div>
        <div className="card stat proposal-stat">
          <div className="label">Console proposes</div>
          <div className="small">
            <ConsoleProposal proposal={view.proposal} stale={stale} variant="card" />
          </div>
        </div>
      </section>

      <AlertsPanel alerts={view.alerts} reference={new Date(serverNow).toISOString()} />

      <div className="grid" style={{ marginBottom: 28 }}>
        <PredictionPanel report={h} />
        <LeakPanel leak={h?.memory_leak ?? null} />
      </div>

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">
          Trends · {DURATION_LABEL[range]} <span className="small muted">(UTC)</span>
        </h2>
        <div className="grid">
          <ScoreChart from={view.from} to={view.to} end={view.end} bucketSeconds={view.bucketSeconds} scores={view.scores} />
        </div>
        <div style={{ height: 16 }} />
        <MetricCharts
          from={view.from}
          to={view.to}
          end={view.end}
          bucketSeconds={view.bucketSeconds}
          metrics={view.metrics}
          thresholds={view.thresholds}
          projection={view.projection}
        />
      </section>

      <div className="grid">
        <StateHistory rows={view.states} />
        <ConfigHistory rows={view.configs} />
      </div>
    </>
  );
}
