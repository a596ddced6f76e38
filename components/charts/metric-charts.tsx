'use client';

import type { MetricName } from '@/lib/healing/types';
import type { ComponentDashboard, MetricPoint } from '@/lib/services/component-dashboard';
import { TimeSeriesChart, type ChartSeries } from './time-series-chart';
import { formatChartValue, type ChartUnit } from './units';

const METRIC_CHARTS: { metric: MetricName | 'memory_mb'; title: string; unit: ChartUnit; yDomain?: [number, number] }[] = [
  { metric: 'cpu_usage', title: 'CPU usage', unit: 'percent', yDomain: [0, 100] },
  { metric: 'memory_usage', title: 'Memory usage', unit: 'percent', yDomain: [0, 100] },
  { metric: 'error_rate', title: 'Error rate', unit: 'fraction' },
  { metric: 'latency_ms', title: 'Latency', unit: 'ms' },
  { metric: 'memory_mb', title: 'Resident memory', unit: 'mb' },
];

function seriesFor(key: string, bucketSeconds: number): ChartSeries[] {
  const per = bucketSeconds >= 60 ? `${bucketSeconds / 60} min` : `${bucketSeconds} s`;
  return [
    { key, label: `average per ${per}`, color: 'var(--chart-1)' },
    { key: `${key}_max`, label: `maximum per ${per}`, color: 'var(--chart-2)', secondary: true },
  ];
}

function latest(points: readonly MetricPoint[], key: keyof MetricPoint): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]![key];
    if (typeof v === 'number') return v;
  }
  return null;
}

/** The chart span and series, as the component page's model carries them. */
type ChartProps<K extends keyof ComponentDashboard> = Pick<ComponentDashboard, 'from' | 'to' | 'end' | 'bucketSeconds' | K>;

export function ScoreChart({ from, to, end, bucketSeconds, scores }: ChartProps<'scores'>) {
  const per = bucketSeconds >= 60 ? `${bucketSeconds / 60} min` : `${bucketSeconds} s`;
  const last = scores.at(-1);
  return (
    <TimeSeriesChart
      title="Health score"
      summary={last ? `latest ${last.score.toFixed(1)} (worst in bucket ${last.score_min.toFixed(1)})` : 'no checks in this range'}
      data={scores}
      series={[
        { key: 'score', label: `average per ${per}`, color: 'var(--chart-3)' },
        { key: 'score_min', label: `worst per ${per}`, color: 'var(--chart-7)', secondary: true },
      ]}
      from={from}
      to={to}
      end={end}
      unit="score"
      yDomain={[0, 100]}
      testId="chart-health_score"
    />
  );
}

/** One chart per metric; memory_mb only when the component reports it. */
export function MetricCharts({ from, to, end, bucketSeconds, metrics, thresholds, projection }: ChartProps<'metrics' | 'thresholds' | 'projection'>) {
  const hasMemoryMb = metrics.some((m) => m.memory_mb !== null);
  return (
    <div className="grid">
      {METRIC_CHARTS.filter((c) => c.metric !== 'memory_mb' || hasMemoryMb).map((c) => {
        const value = latest(metrics, c.metric);
        const line = projection?.metric === c.metric ? projection : null;
        return (
          <TimeSeriesChart
            key={c.metric}
            title={c.title}
            summary={value === null ? 'no samples in this range' : `latest bucket average ${formatChartValue(c.unit, value)}`}
            data={metrics}
            series={seriesFor(c.metric, bucketSeconds)}
            from={from}
            to={to}
            end={end}
            unit={c.unit}
            yDomain={c.yDomain}
            thresholds={c.metric === 'memory_mb' ? null : thresholds[c.metric]}
            projection={line}
            testId={`chart-${c.metric}`}
          />
        );
      })}
    </div>
  );
}
