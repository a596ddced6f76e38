/** How an alert reads on the pages. Pure; UTC like every time the console shows (lib/format.ts). */

/**
 * "12:03 UTC" when it started on the same UTC day as `reference` (the page's own time, so server
 * and client renders agree), else "2026-11-29 12:03 UTC": an alert firing for days must say so.
 */
export function sinceText(startsAt: string, reference: string): string {
  const iso = new Date(startsAt).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(reference).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
}

/** "firing: HighErrorRate since 12:03 UTC". */
export function firingLine(alert: { alertname: string; starts_at: string }, reference: string): string {
  return `firing: ${alert.alertname} since ${sinceText(alert.starts_at, reference)}`;
}

/** An alert's label set as PromQL writes it: `alertname="HighErrorRate", team="payments"`. */
export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ');
}
