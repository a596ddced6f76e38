/**
 * A source's status for one component, in words (pure): what the component
 * page and the overview show. A failing pull is never shown as health: the
 * component's last health check may be old, and the status says so.
 */
export interface SourceStatusView {
  source: string;
  ok: boolean;
  /** Null when ok. */
  error: string | null;
  checkedAt: string;
  lastSampleAt: string | null;
}

/** One metric's failure as the status text: which metric, which query failed, why. */
export function metricFailure(metric: string, error: string): string {
  return `${metric}: ${error}`;
}

/** The statuses that need attention first, then the healthy ones. */
export function sortStatuses(statuses: readonly SourceStatusView[]): SourceStatusView[] {
  return [...statuses].sort((a, b) => Number(a.ok) - Number(b.ok) || a.source.localeCompare(b.source));
}
