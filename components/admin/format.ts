/**
 * Timestamps in UTC with minutes: the same text on the server render and in
 * the browser (no hydration mismatch across time zones), and what SREs compare
 * against logs anyway.
 */
export function formatWhen(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const iso = new Date(value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
