/**
 * What a remediation will act on, as stored when it was requested (see
 * lib/remediation/target.ts): the approver approves exactly this, and the
 * console refuses the approval if it moved since. Rows from before targets
 * were recorded show nothing.
 */
import type { RemediationView } from '@/lib/remediation/present';

const LABEL: Record<string, string> = {
  service_id: 'service',
  executor: 'through',
  config_version: 'restores config version',
  from_config_version: 'replacing current version',
  state_id: 'restores recorded state',
  from_state_id: 'replacing current state',
  deploy_id: 'deploy',
  hook: 'cleanup hook',
};

const shown = (field: string, value: string | number | null) =>
  value === null ? (field === 'hook' ? 'none (a restart is proposed instead)' : 'none') : typeof value === 'number' ? `#${value}` : value;

export function TargetView({ target }: { target: RemediationView['target'] }) {
  const fields = Object.entries(target).filter(([field]) => field !== 'rollback_type');
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
