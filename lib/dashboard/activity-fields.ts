/**
 * What to show of a unified_brain row's metadata at a glance. The full JSON is
 * one click away; these are the few fields an SRE scans for, by action type,
 * following the conventions the rest of the console writes.
 */
import { ACTION_LIST } from '@/lib/remediation/actions';

export interface KeyField {
  label: string;
  value: string;
}

/** The console's own events here; each action's rows as its registry module says. */
const PRIORITY: Record<string, readonly string[]> = {
  proactive_health_check: ['health_score', 'trend', 'failure_prediction', 'healing_triggers', 'memory_leak_detected'],
  ...Object.fromEntries(ACTION_LIST.map((definition) => [definition.brainAction, definition.activityFields])),
  db_connection_recovered: ['attempts', 'elapsed_ms', 'error'],
  reconciliation_cycle: ['proposed', 'executed', 'queued', 'errors', 'held', 'paused'],
  remediation_approval: ['decision', 'decided_by', 'reason', 'remediation_id'],
};
/** The log also holds rows other agents wrote, of types the console does not know. */
const priorityOf: Partial<Record<string, readonly string[]>> = PRIORITY;

const MAX_FIELDS = 4;
const MAX_LENGTH = 80;

function shorten(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** A one-line rendering of a metadata value; objects and long lists are left to the JSON view. */
function display(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return key === 'healing_triggers' ? null : 'none';
    return value.every((v) => typeof v === 'string') ? shorten(value.join('; ')) : `${value.length} items`;
  }
  if (typeof value === 'object' && key === 'failure_prediction') {
    const p = value as { level?: unknown; probability?: unknown; time_to_failure?: unknown };
    if (typeof p.level === 'string' && typeof p.probability === 'number') {
      return `${p.level} (${Math.round(p.probability * 100)}%${typeof p.time_to_failure === 'string' ? `, ${p.time_to_failure}` : ''})`;
    }
  }
  return null;
}

const label = (key: string): string => key.replaceAll('_', ' ');

/**
 * Up to four fields: the action type's known ones in order, then any other
 * plain values, never `component` (it has its own column).
 */
export function keyFields(actionType: string, metadata: Record<string, unknown>): KeyField[] {
  const known = priorityOf[actionType] ?? [];
  const order = [...known, ...Object.keys(metadata).filter((k) => !known.includes(k))];
  const fields: KeyField[] = [];
  for (const key of order) {
    if (key === 'component' || !(key in metadata)) continue;
    const value = display(key, metadata[key]);
    if (value !== null) fields.push({ label: label(key), value });
    if (fields.length === MAX_FIELDS) break;
  }
  return fields;
}
