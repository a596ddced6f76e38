'use client';

import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTick, formatUtc } from '@/lib/dashboard/format';
import { timeTicks } from '@/lib/dashboard/time-ticks';
import { formatAxisValue, formatChartValue, type ChartUnit } from './units';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** Secondary series (the per-bucket extreme) are thinner and dashed. */
  secondary?: boolean;
}

export interface ChartProjection {
  points: { t: number; value: number }[];
  critical: number;
  failureAt: number;
  clipped: boolean;
}

interface Props {
  title: string;
  /** One sentence for screen readers: what the chart shows right now. */
  summary: string;
  data: readonly object[];
  series: readonly ChartSeries[];
  from: number;
  to: number;
  unit: ChartUnit;
  thresholds?: { warning: number; critical: number } | null;
  projection?: ChartProjection | null;
  yDomain?: [number, number];
  testId?: string;
}

/**
 * A time series with its warning and critical thresholds and, for the metric
 * that drives the prediction, the fitted line projected to the failure point.
 * Times are UTC like the rest of the console.
 */
export function TimeSeriesChart({ title, summary, data, series, from, to, unit, thresholds, projection, yDomain, testId }: Props) {
  const end = Math.max(to, projection?.points.at(-1)?.t ?? to);
  const span = end - from;
  const sparse = data.length < 30;
  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="small muted">{summary}</span>
      </figcaption>
      {data.length === 0 ? (
        <div className="chart-empty">No data in this range.</div>
      ) : (
        <div className="chart-box">
          <LineChart
            responsive
            style={{ width: '100%', height: '100%' }}
            data={data as object[]}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            title={title}
            desc={summary}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, end]}
              ticks={timeTicks(from, end)}
              tickFormatter={(t: number) => formatTick(t, span)}
              fontSize={11}
            />
            <YAxis
              width={48}
              fontSize={11}
              domain={yDomain ?? [0, 'auto']}
              tickFormatter={(v: number) => formatAxisValue(unit, v)}
              allowDataOverflow={false}
            />
            <Tooltip
              labelFormatter={(t) => formatUtc(new Date(Number(t)), true)}
              formatter={(value) => (typeof value === 'number' ? formatChartValue(unit, value) : String(value))}
            />
            {thresholds && (
              <>
                <ReferenceLine y={thresholds.warning} stroke="var(--warn)" strokeDasharray="4 4" ifOverflow="extendDomain" />
                <ReferenceLine y={thresholds.critical} stroke="var(--crit)" strokeDasharray="4 4" ifOverflow="extendDomain" />
              </>
            )}
            {projection && <ReferenceLine x={to} stroke="var(--muted)" strokeDasharray="2 3" />}
            {/* Drawn first so the measured series stays visible on top of a well-fitting line. */}
            {projection && (
              <Line
                data={projection.points}
                dataKey="value"
                name="Projection"
                type="linear"
                stroke="var(--crit)"
                strokeWidth={2}
                strokeDasharray="8 4"
                dot={false}
                isAnimationActive={false}
                className="projection-line"
              />
            )}
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="monotone"
                stroke={s.color}
                strokeWidth={s.secondary ? 1 : 2}
                strokeDasharray={s.secondary ? '3 3' : undefined}
                // A handful of points (a component that just started) would be invisible as a bare line.
                dot={sparse ? { r: 2 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
            {projection && !projection.clipped && (
              <ReferenceDot x={projection.failureAt} y={projection.critical} r={5} fill="var(--crit)" stroke="var(--panel)" ifOverflow="extendDomain" />
            )}
          </LineChart>
        </div>
      )}
      <div className="legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key}>
            <span className={`swatch${s.secondary ? ' dashed' : ''}`} style={{ borderColor: s.color }} />
            {s.label}
          </span>
        ))}
        {thresholds && (
          <>
            <span>
              <span className="swatch dashed" style={{ borderColor: 'var(--warn)' }} />
              warning {formatChartValue(unit, thresholds.warning)}
            </span>
            <span>
              <span className="swatch dashed" style={{ borderColor: 'var(--crit)' }} />
              critical {formatChartValue(unit, thresholds.critical)}
            </span>
          </>
        )}
        {projection && (
          <span>
            <span className="swatch dashed" style={{ borderColor: 'var(--crit)' }} />
            trend → critical {projection.clipped ? 'after the chart ends' : `at ${formatUtc(new Date(projection.failureAt))}`}
          </span>
        )}
      </div>
    </figure>
  );
}
