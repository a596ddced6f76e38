/**
 * How the console writes times and durations, shared by server and client
 * renders. Everything is in UTC so a server-rendered page and its hydration
 * agree, and two SREs in different zones read the same times in a hand-over
 * (and compare them against logs). A duration's unit is in its function's name.
 * Domain wording (metric values, "~25 min" to failure) is lib/healing/format.ts.
 */

/** "2026-11-29 23:43 UTC" (with seconds: "…23:43:49 UTC"); nothing → "—". */
export function formatUtc(at: Date | string | null | undefined, withSeconds = false): string {
  if (!at) return '—';
  const iso = (typeof at === 'string' ? new Date(at) : at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}

/** Axis ticks: "14:05" for short spans, "Nov 29 14:00" once a chart covers days. */
export function formatTick(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs <= 36 * 3_600_000) return iso.slice(11, 16);
  const month = new Date(ms).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${Number(iso.slice(8, 10))} ${iso.slice(11, 16)}`;
}

/** "12s ago", "4 min ago", "3 h ago", "2 days ago". */
export function formatAge(fromMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (seconds < 90) return `${seconds}s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}

/** "1.2 s", "3.4 min", "2.1 h" — for durations measured in seconds (recovery times). */
export function formatDurationSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** 0.8333 → "83%"; null (no data) → "—". */
export function formatRate(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.round(fraction * 100)}%`;
}

/** A countdown or an elapsed time in milliseconds: 75 000 → "1m 15s"; 3 700 000 → "1h 01m". Whole seconds, never negative. */
export function formatDurationMs(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A configured span in minutes, as people say it: 0.5 → "30 s", 10 → "10 min". */
export function formatDurationMinutes(minutes: number): string {
  return minutes < 1 ? `${Math.round(minutes * 60)} s` : `${minutes} min`;
}

/** Any recorded value in one line (an executor's result, a config field): objects as JSON, nothing → "—". */
export function formatPlainValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
