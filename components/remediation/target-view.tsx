/**
 * What a remediation will act on, as stored when it was requested (see
 * lib/remediation/target.ts): the approver approves exactly this, and the
 * console refuses the approval if it moved since. Rows from before targets
 * were recorded show nothing.
 */
import type { RemediationView } from '@/lib/remediation/present';

/** In reading order (jsonb keeps keys in its own order); fields not listed follow, as stored. */
const LABEL: Record<string, string> = {
  config_version: 'restores config version',
  from_config_version: 'replacing current version',
  state_id: 'restores recorded state',
  from_state_id: 'replacing current state',
  deploy_id: 'deploy',
  service_id: 'service',
  executor: 'through',
  hook: 'cleanup hook',
};

const shown = (field: string, value: string | number | null) =>
  value === null ? (field === 'hook' ? 'none (a restart is proposed instead)' : 'none') : typeof value === 'number' ? `#${value}` : value;

const rank = (field: string) => {
  const i = Object.keys(LABEL).indexOf(field);
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
          {LABEL[field] ?? field} <strong className="num">{shown(field, value)}</strong>
        </span>
      ))}
    </p>
  );
}
