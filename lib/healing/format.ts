import type { MetricName } from './types';

/**
 * Unit formatting shared by every human-readable message, so a metric reads the
 * same in warnings, predictions, leak verdicts and trigger messages.
 * error_rate is stored as a fraction but SREs think in percent, so it is shown ×100.
 */

function trimmed(n: number, decimals: number): string {
  // Number(...) drops trailing zeros ("90.00" -> "90") and float dust (0.1*100).
  return String(Number(n.toFixed(decimals)));
}

/** A measured value with fixed precision: "85.0%", "8.0%", "3500 ms". */
export function formatValue(metric: MetricName, value: number): string {
  switch (metric) {
    case 'cpu_usage':
    case 'memory_usage':
      return `${value.toFixed(1)}%`;
    case 'error_rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'latency_ms':
      return `${Math.round(value)} ms`;
  }
}

/** A configured limit in its shortest exact form: "90%", "10%", "5000 ms". */
export function formatLimit(metric: MetricName, value: number): string {
  switch (metric) {
    case 'cpu_usage':
    case 'memory_usage':
      return `${trimmed(value, 2)}%`;
    case 'error_rate':
      return `${trimmed(value * 100, 2)}%`;
    case 'latency_ms':
      return `${trimmed(value, 1)} ms`;
  }
}

/** Slow rates need significant digits rather than fixed decimals, or they print as "+0.00". */
function signedMagnitude(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 1 ? abs.toFixed(1) : String(Number(abs.toPrecision(2)));
  return `${n < 0 ? '-' : '+'}${digits}`;
}

/** Rate of change per minute: "+0.32%/min", "+12.5 ms/min". */
export function formatRatePerMinute(metric: MetricName, perMinute: number): string {
  switch (metric) {
    case 'cpu_usage':
    case 'memory_usage':
      return `${signedMagnitude(perMinute)}%/min`;
    case 'error_rate':
      return `${signedMagnitude(perMinute * 100)}%/min`;
    case 'latency_ms':
      return `${signedMagnitude(perMinute)} ms/min`;
  }
}

/** "< 1 min", "~25 min", "~2.5 h", "~3.1 days". */
export function formatDuration(minutes: number): string {
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `~${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `~${(minutes / 60).toFixed(1)} h`;
  return `~${(minutes / 1440).toFixed(1)} days`;
}

/** A sampling interval: "30 s" below a minute, else as a duration ("~5 min"). */
export function formatInterval(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : formatDuration(seconds / 60);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export function formatRSquared(r: number): string {
  return r.toFixed(2);
}

/** The two series a leak can be measured on. */
export type MemorySeries = 'memory_mb' | 'memory_usage';

export function formatMemory(series: MemorySeries, value: number): string {
  return series === 'memory_mb' ? `${value.toFixed(1)} MB` : formatValue('memory_usage', value);
}

/** Growth per hour; `signed: false` gives the bare magnitude for "growing ~42.0 MB/h". */
export function formatMemoryRatePerHour(series: MemorySeries, perHour: number, signed = true): string {
  const sign = signed ? (perHour < 0 ? '-' : '+') : '';
  const abs = Math.abs(perHour);
  return series === 'memory_mb' ? `${sign}${abs.toFixed(1)} MB/h` : `${sign}${abs.toFixed(2)}%/h`;
}

/**
 * The card's banded `probability`, shown as a 0–100 risk score rather than a percentage:
 * it ranks predictions but is not an observed frequency (see CHANCE_WITHIN_HOUR).
 */
export function formatRiskScore(probability: number): string {
  return String(Math.round(probability * 100));
}

/** A calibrated chance (0..1) as a percentage; one decimal below 10 % so 1.5 % does not read 2 %. */
export function formatChance(chance: number): string {
  const pct = chance * 100;
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
}
