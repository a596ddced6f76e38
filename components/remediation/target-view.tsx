/**
 * What a remediation will act on, as stored when it was requested (see
 * lib/remediation/target.ts): the approver approves exactly this, and the
 * console refuses the approval if it moved since. Rows from before targets
 * were recorded show nothing.
 */
import type { RemediationView } from '@/lib/remediation/present';

type Value = string | number | null;

const numbered = (value: Value) => (typeof value === 'number' ? `#${value}` : String(value));
const instances = (value: Value) => (typeof value === 'number' ? `${value} instance${value === 1 ? '' : 's'}` : String(value));

/**
 * In reading order (jsonb keeps keys in its own order); fields not listed follow, as stored.
 * Versions and recorded states are numbered rows (#3); a count reads as a count.
 */
const FIELDS: Record<string, { label: string; show?: (value: Value) => string }> = {
  config_version: { label: 'restores config version', show: numbered },
  from_config_version: { label: 'replacing current version', show: numbered },
  state_id: { label: 'restores recorded state', show: numbered },
  from_state_id: { label: 'replacing current state', show: numbered },
  deploy_id: { label: 'deploy' },
  service_id: { label: 'service' },
  executor: { label: 'through' },
  hook: { label: 'cleanup hook' },
  max_instances: { label: 'at most', show: instances },
};

const shown = (field: string, value: Value) =>
  value === null ? (field === 'hook' ? 'none (a restart is proposed instead)' : 'none') : (FIELDS[field]?.show ?? String)(value);

const rank = (field: string) => {
  const i = Object.keys(FIELDS).indexOf(field);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
};

export function TargetView({ target }: { target: RemediationView['target'] }) {
  // The rollback type is already in the title; an empty field (no deploy id) says nothing — except a missing hook.
  const fields = Object.entries(target)
    .filter(([field, value]) => field !== 'rollback_type' && (value !== null || field === 'hook'))
    .sort(([a], [b]) => rank(a) - rank(b));
  if (fields.length === 0) return null;
  return (
    <p className="small" data-testid="bound-target">
      Acts on:{' '}
      {fields.map(([field, value], i) => (
        <span key={field}>
          {i > 0 && ', '}
          {FIELDS[field]?.label ?? field.replaceAll('_', ' ')} <strong className="num">{shown(field, value)}</strong>
        </span>
      ))}
    </p>
  );
}
