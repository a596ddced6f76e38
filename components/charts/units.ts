/** How a chart's values read on its axis and in its tooltip. */
export type ChartUnit = 'percent' | 'fraction' | 'ms' | 'mb' | 'score' | 'count';

export function formatChartValue(unit: ChartUnit, value: number): string {
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'fraction':
      // error_rate is stored as a fraction; SREs read it in percent.
      return `${(value * 100).toFixed(value < 0.01 ? 2 : 1)}%`;
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'mb':
      return `${Math.round(value)} MB`;
    case 'score':
      return value.toFixed(1);
    case 'count':
      return String(Math.round(value));
  }
}

/** Shorter labels for the axis. */
export function formatAxisValue(unit: ChartUnit, value: number): string {
  switch (unit) {
    case 'percent':
      return `${Math.round(value)}%`;
    case 'fraction':
      return `${Number((value * 100).toFixed(1))}%`;
    case 'ms':
      return value >= 1000 ? `${Number((value / 1000).toFixed(1))}s` : `${Math.round(value)}ms`;
    case 'mb':
      return value >= 1024 ? `${Number((value / 1024).toFixed(1))}G` : `${Math.round(value)}M`;
    default:
      return String(Math.round(value));
  }
}
