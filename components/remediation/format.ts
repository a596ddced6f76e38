/** Wording shared by the approval queue, its history and the component actions. */
import type { RemediationView } from '@/lib/remediation/present';

const REQUESTER_KIND: Record<RemediationView['requested_by_kind'], string> = {
  user: 'person',
  token: 'API token',
  reconciler: 'automatic: the reconciler',
};

export function requesterKindLabel(kind: RemediationView['requested_by_kind']): string {
  return REQUESTER_KIND[kind];
}

/** 75 → "1m 15s"; 3_700 → "1h 01m". Whole seconds, never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A configured span in minutes, as people say it: 0.5 → "30 s", 10 → "10 min". */
export function formatMinutes(minutes: number): string {
  return minutes < 1 ? `${Math.round(minutes * 60)} s` : `${minutes} min`;
}

/** A timestamp as UTC, the same for every viewer and in server and client renders. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Compact rendering of a result value: objects as JSON, numbers as they are. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
