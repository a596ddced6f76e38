'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketStart } from '@/lib/dashboard/buckets';
import { formatTick, formatUtc } from '@/lib/format';
import { bucketSequence } from '@/lib/dashboard/time-ticks';
import type { AnalyticsReport } from '@/lib/services/analytics-report';
import { colourOf } from './series-colours';


function Figure({ title, summary, children, testId }: { title: string; summary: string; children: React.ReactNode; testId: string }) {
  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="small muted">{summary}</span>
      </figcaption>
      {children}
    </figure>
  );
}

function Legend({ items }: { items: { label: string; colour: string }[] }) {
  return (
    <div className="legend" aria-hidden="true">
      {items.map((i) => (
        <span key={i.label}>
          <span className="swatch" style={{ borderColor: i.colour, borderTopWidth: 8 }} />
          {i.label}
        </span>
      ))}
    </div>
  );
}

function formatBucket(seconds: number): string {
  return seconds >= 3600 ? `${seconds / 3600} h` : `${seconds / 60} min`;
}

/** Stacked bars: rows per action type per time bucket. */
export function ActionsOverTimeChart({ report, actionTypes }: { report: AnalyticsReport; actionTypes: readonly string[] }) {
  const from = Date.parse(report.from);
  const to = Date.parse(report.to);
  const bucketMs = report.timeline.bucket_seconds * 1000;
  // Every bucket of the window, empty ones included, so bars keep one width and gaps read as quiet time.
  const byBucket = new Map<number, Record<string, number>>(
    bucketSequence(bucketStart(new Date(from), report.timeline.bucket_seconds).getTime(), to, bucketMs).map((t) => [t, { t }]),
  );
  for (const p of report.timeline.points) {
    const row = byBucket.get(p.t);
    if (row) row[p.action_type] = p.count;
  }
  const data = [...byBucket.values()];
  const anything = report.timeline.points.length > 0;
  const present = actionTypes.filter((t) => report.timeline.points.some((p) => p.action_type === t));
  return (
    <Figure
      title="Actions over time"
      summary={`${report.total_rows.toLocaleString('en-US')} rows, one bar per ${formatBucket(report.timeline.bucket_seconds)}`}
      testId="chart-actions-over-time"
    >
      {!anything ? (
        <div className="chart-empty">Nothing was logged in this window.</div>
      ) : (
        <div className="chart-box">
          <BarChart responsive style={{ width: '100%', height: '100%' }} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} title="Actions over time">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="category"
              tickFormatter={(t: number) => formatTick(t, to - from)}
              interval={Math.max(0, Math.ceil(data.length / 6) - 1)}
              fontSize={11}
            />
            <YAxis width={48} fontSize={11} allowDecimals={false} />
            <Tooltip labelFormatter={(t) => formatUtc(new Date(Number(t)))} />
            {present.map((type) => (
              <Bar key={type} dataKey={type} stackId="actions" fill={colourOf(actionTypes, type)} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      )}
      <Legend items={present.map((t) => ({ label: t, colour: colourOf(actionTypes, t) }))} />
    </Figure>
  );
}

function HorizontalBars({
  title,
  summary,
  testId,
  data,
  bars,
  emptyText,
}: {
  title: string;
  summary: string;
  testId: string;
  data: Record<string, string | number>[];
  bars: { key: string; label: string; colour: string }[];
  emptyText: string;
}) {
  const height = Math.max(120, 28 * data.length + 40);
  return (
    <Figure title={title} summary={summary} testId={testId}>
      {data.length === 0 ? (
        <div className="chart-empty">{emptyText}</div>
      ) : (
        <div style={{ width: '100%', height }}>
          <BarChart
            responsive
            layout="vertical"
            style={{ width: '100%', height: '100%' }}
            data={data}
            margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
            title={title}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" fontSize={11} allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={150} fontSize={11} interval={0} />
            <Tooltip />
            {bars.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={b.label} stackId="one" fill={b.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      )}
      {bars.length > 1 && <Legend items={bars.map((b) => ({ label: b.label, colour: b.colour }))} />}
    </Figure>
  );
}

export function TopActionsChart({ report, actionTypes }: { report: AnalyticsReport; actionTypes: readonly string[] }) {
  return (
    <HorizontalBars
      title="Top actions"
      summary="rows per action type (the card's Top Actions)"
      testId="chart-top-actions"
      data={report.top_actions.map((a) => ({ label: a.action_type, count: a.count }))}
      bars={[{ key: 'count', label: 'rows', colour: colourOf(actionTypes, 'proactive_health_check') }]}
      emptyText="No actions in this window."
    />
  );
}

export function InterventionsChart({ report }: { report: AnalyticsReport }) {
  return (
    <HorizontalBars
      title="Interventions per component"
      summary="the card's Component Health, split into checks and healing"
      testId="chart-interventions"
      data={report.interventions.slice(0, 15).map((r) => ({
        label: r.component ?? '(console-wide)',
        healing: r.healing_actions,
        checks: r.interventions - r.healing_actions,
      }))}
      bars={[
        { key: 'healing', label: 'healing actions and decisions', colour: 'var(--chart-7)' },
        { key: 'checks', label: 'health checks', colour: 'var(--chart-1)' },
      ]}
      emptyText="No component was touched in this window."
    />
  );
}

export function ApprovalsChart({ report }: { report: AnalyticsReport }) {
  const colour: Record<string, string> = { approved: 'var(--chart-3)', rejected: 'var(--chart-7)' };
  const decided = report.approvals.reduce((n, a) => n + a.count, 0);
  return (
    <HorizontalBars
      title="Approvals by decision"
      summary={`${decided} decision${decided === 1 ? '' : 's'} recorded as remediation_approval`}
      testId="chart-approvals"
      data={report.approvals.map((a) => ({ label: a.decision, count: a.count }))}
      bars={[{ key: 'count', label: 'decisions', colour: colour.approved! }]}
      emptyText="No approval decision in this window."
    />
  );
}
