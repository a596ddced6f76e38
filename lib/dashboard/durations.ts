/**
 * The time spans the dashboard offers, as short URL tokens (`?range=24h`,
 * `?window=7d`). One table so a token means the same span on every page.
 */
export const DURATION_SECONDS = {
  '1h': 3_600,
  '6h': 6 * 3_600,
  '24h': 24 * 3_600,
  '7d': 7 * 86_400,
  '30d': 30 * 86_400,
} as const;
export type DurationToken = keyof typeof DURATION_SECONDS;

/** Chart ranges of the component page. */
export const CHART_RANGES = ['1h', '6h', '24h', '7d'] as const satisfies readonly DurationToken[];
export type ChartRange = (typeof CHART_RANGES)[number];
export const DEFAULT_CHART_RANGE: ChartRange = '1h';

/** Windows of the analytics page and the export API. */
export const ANALYTICS_WINDOWS = ['1h', '24h', '7d', '30d'] as const satisfies readonly DurationToken[];
export type AnalyticsWindow = (typeof ANALYTICS_WINDOWS)[number];
export const DEFAULT_ANALYTICS_WINDOW: AnalyticsWindow = '24h';

/** Time filters of the activity log: at most 30 days, so every read is bounded (lib/dashboard/activity-query.ts). */
export const ACTIVITY_SPANS = ['1h', '24h', '7d', '30d'] as const satisfies readonly DurationToken[];
export type ActivitySpan = (typeof ACTIVITY_SPANS)[number];

export const DURATION_LABEL: Record<DurationToken, string> = {
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** One search-param value, whatever Next.js handed over (absent, single or repeated). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `value` if it is one of `allowed`, else `fallback` — pages ignore a bad token rather than fail. */
export function pickToken<T extends string>(value: string | string[] | undefined, allowed: readonly T[], fallback: T): T {
  const v = firstParam(value);
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** [now − span, now]; `until` pins the end so several reads of one report agree. */
export function windowEnding(token: DurationToken, until: Date): { from: Date; to: Date } {
  return { from: new Date(until.getTime() - DURATION_SECONDS[token] * 1000), to: until };
}
