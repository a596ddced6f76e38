'use client';

import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTick, formatUtc } from '@/lib/format';
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
  /** Now: the newest data can lie here, the projection goes on past it. */
  to: number;
  /** The right edge, shared by every chart of the page so their time axes line up (defaults to `to`). */
  end?: number;
  unit: ChartUnit;
  thresholds?: { warning: number; critical: number } | null;
  projection?: ChartProjection | null;
  yDomain?: [number, number];
  testId?: string;
}

/** Stroke patterns, one per kind of line, so no two are told apart by colour alone. */
const DASH = {
  secondary: '3 3',
  warning: '6 4',
  critical: undefined, // solid, thinner than the data
  projection: '10 4 2 4', // dash-dot
} as const;

/** A legend sample drawn with the same stroke as the line it names. */
function Swatch({ color, dash, width = 2 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg className="swatch-svg" width="22" height="8" aria-hidden="true" focusable="false">
      <line x1="0" y1="4" x2="22" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** What the lines of the chart mean, for screen readers: the thresholds and where the trend is heading. */
export function chartDescription(
  unit: ChartUnit,
  thresholds: { warning: number; critical: number } | null | undefined,
  projection: ChartProjection | null | undefined,
): string {
  const parts: string[] = [];
  if (thresholds) {
    parts.push(`Warning threshold ${formatChartValue(unit, thresholds.warning)}, critical threshold ${formatChartValue(unit, thresholds.critical)}.`);
  }
  if (projection) {
    parts.push(
      projection.clipped
        ? `The fitted trend line keeps rising toward critical (${formatChartValue(unit, projection.critical)}) and reaches it after the chart ends, at ${formatUtc(new Date(projection.failureAt))}.`
        : `The fitted trend line reaches critical (${formatChartValue(unit, projection.critical)}) at ${formatUtc(new Date(projection.failureAt))}.`,
    );
  }
  return parts.join(' ');
}

/**
 * A time series with its warning and critical thresholds (labelled, each with
 * its own stroke) and, for the metric that drives the prediction, the fitted
 * line projected to the failure point. "Now" is marked when the axis reaches
 * past it. Times are UTC like the rest of the console.
 */
export function TimeSeriesChart({ title, summary, data, series, from, to, end: sharedEnd, unit, thresholds, projection, yDomain, testId }: Props) {
  const end = Math.max(sharedEnd ?? to, to, projection?.points.at(-1)?.t ?? to);
  const span = end - from;
  const sparse = data.length < 30;
  // The caption gives title and summary; the description adds what the other lines mean.
  const description = chartDescription(unit, thresholds, projection);
  return (
    <figure className="chart card" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="small muted">{summary}</span>
        {description && (
          <span className="visually-hidden" data-testid="chart-description">
            {description}
          </span>
        )}
      </figcaption>
      {data.length === 0 ? (
        <div className="chart-empty">No data in this range.</div>
      ) : (
        <div className="chart-box">
          <LineChart
            responsive
            style={{ width: '100%', height: '100%' }}
            data={data as object[]}
            // Room above the plot for the "now" label, so it never sits on the data.
            margin={{ top: end > to ? 16 : 8, right: 12, bottom: 0, left: 0 }}
            title={title}
            desc={[`${title}: ${summary}.`, description].filter(Boolean).join(' ')}
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
            {/* Labels at opposite ends, so close thresholds (memory 75 / 90 %) never print over each other. */}
            {thresholds && (
              <>
                <ReferenceLine
                  y={thresholds.warning}
                  stroke="var(--warn)"
                  strokeDasharray={DASH.warning}
                  ifOverflow="extendDomain"
                  label={{ value: `warning ${formatChartValue(unit, thresholds.warning)}`, position: 'insideBottomLeft', fontSize: 10, fill: 'var(--warn)' }}
                />
                <ReferenceLine
                  y={thresholds.critical}
                  stroke="var(--crit)"
                  strokeWidth={1.5}
                  strokeDasharray={DASH.critical}
                  ifOverflow="extendDomain"
                  label={{ value: `critical ${formatChartValue(unit, thresholds.critical)}`, position: 'insideTopRight', fontSize: 10, fill: 'var(--crit)' }}
                />
              </>
            )}
            {end > to && (
              <ReferenceLine
                x={to}
                stroke="var(--muted)"
                strokeDasharray="2 3"
                className="now-line"
                label={{ value: 'now', position: 'top', fontSize: 10, fill: 'var(--muted)' }}
              />
            )}
            {/* Drawn first so the measured series stays visible on top of a well-fitting line. */}
            {projection && (
              <Line
                data={projection.points}
                dataKey="value"
                name="Projection"
                type="linear"
                stroke="var(--crit)"
                strokeWidth={2}
                strokeDasharray={DASH.projection}
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
                strokeDasharray={s.secondary ? DASH.secondary : undefined}
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
            <Swatch color={s.color} dash={s.secondary ? DASH.secondary : undefined} width={s.secondary ? 1 : 2} />
            {s.label}
          </span>
        ))}
        {thresholds && (
          <>
            <span>
              <Swatch color="var(--warn)" dash={DASH.warning} width={1.5} />
              warning {formatChartValue(unit, thresholds.warning)}
            </span>
            <span>
              <Swatch color="var(--crit)" dash={DASH.critical} width={1.5} />
              critical {formatChartValue(unit, thresholds.critical)}
            </span>
          </>
        )}
        {projection && (
          <span>
            <Swatch color="var(--crit)" dash={DASH.projection} />
            trend → critical {projection.clipped ? `after the chart ends (${formatUtc(new Date(projection.failureAt))})` : `at ${formatUtc(new Date(projection.failureAt))}`}
          </span>
        )}
        {end > to && (
          <span>
            <Swatch color="var(--muted)" dash="2 3" width={1} />
            now
          </span>
        )}
      </div>
    </figure>
  );
}
