'use client';

import type { ChartRange } from '@/lib/dashboard/durations';
import type { ProjectionLine } from '@/lib/dashboard/projection-line';
import type { MetricName, Thresholds } from '@/lib/healing/types';
import type { MetricPoint, ScorePoint } from '@/lib/services/component-dashboard';
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

interface Props {
  range: ChartRange;
  from: number;
  to: number;
  /** The shared right edge of every chart (past `to` when a projection is drawn). */
  end: number;
  bucketSeconds: number;
  scores: ScorePoint[];
  metrics: MetricPoint[];
  thresholds: Thresholds;
  projection: ProjectionLine | null;
}

export function ScoreChart({ from, to, end, bucketSeconds, scores }: Omit<Props, 'metrics' | 'thresholds' | 'projection' | 'range'>) {
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
export function MetricCharts({ from, to, end, bucketSeconds, metrics, thresholds, projection }: Omit<Props, 'scores' | 'range'>) {
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
