import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Age } from '@/components/age';
import { MetricCharts, ScoreChart } from '@/components/charts/metric-charts';
import { ConfigHistory, StateHistory } from '@/components/component-page/history-tables';
import { LeakPanel } from '@/components/component-page/leak-panel';
import { PredictionPanel } from '@/components/component-page/prediction-panel';
import { AutoRefresh } from '@/components/auto-refresh';
import { ConsoleProposal } from '@/components/console-proposal';
import { ComponentActionsPanel } from '@/components/remediation/component-actions-panel';
import { LevelBadge, PendingApprovals, scoreTone, TrendLabel, TriggeredBadge } from '@/components/health-badges';
import { StaleBadge } from '@/components/stale-badge';
import { SegmentedLinks } from '@/components/segmented-links';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { CHART_RANGES, DEFAULT_CHART_RANGE, DURATION_LABEL, pickToken } from '@/lib/dashboard/durations';
import { firstPendingId, isStale } from '@/lib/dashboard/proposal';
import { isTriggered } from '@/lib/dashboard/risk';
import { componentDashboard } from '@/lib/services/component-dashboard';
import { componentNameSchema } from '@/lib/validation/sample';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Components · Self-Healing Console` };
}

export default async function ComponentPage({ params, searchParams }: Props) {
  await requirePageUser('viewer');
  const { name: raw } = await params;
  const name = componentNameSchema.safeParse(decodeURIComponent(raw));
  if (!name.success) notFound();
  const range = pickToken((await searchParams).range, CHART_RANGES, DEFAULT_CHART_RANGE);
  const now = new Date();
  const view = await componentDashboard(await getDb(), name.data, range, now);
  if (!view) notFound();

  const { detail } = view;
  const h = detail.latest_health;
  const stale = h ? isStale(h.checked_at, now.getTime(), view.maxEvidenceAgeSeconds) : false;
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
                <StaleBadge checkedAt={h.checked_at} maxAgeSeconds={view.maxEvidenceAgeSeconds} fallbackNow={now.getTime()} />
              </>
            )}
            {' · '}
            <AutoRefresh />
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

      {/* Manual restart / rollback / cleanup, each behind a confirmation dialog. */}
      <ComponentActionsPanel componentName={detail.name} />

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
