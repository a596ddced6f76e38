/**
 * The card's result of an action (restart_service_via_render, rollback_component,
 * detect_and_cleanup_memory_leaks) as a list of fields, the telling ones first.
 */
import { formatPlainValue } from '@/lib/format';
import styles from './approvals.module.css';

const FIRST = [
  'success',
  'message',
  'error',
  'status_code',
  'service_id',
  'rollback_type',
  'from_state',
  'to_state',
  'memory_freed_mb',
  'objects_collected',
  'current_memory_mb',
  'leak_detected',
  'reason',
  'auto_deploy_disabled',
  'attempts',
  'executor',
];
// Already shown elsewhere (component) or too bulky for a summary (the full leak analysis).
const HIDDEN = new Set(['component', 'analysis']);

export function ResultFields({ result }: { result: Record<string, unknown> }) {
  const keys = [
    ...FIRST.filter((k) => k in result),
    ...Object.keys(result).filter((k) => !FIRST.includes(k) && !HIDDEN.has(k)),
  ];
  if (keys.length === 0) return null;
  return (
    <dl className={styles.result} data-testid="result-fields">
      {keys.map((key) => (
        <div key={key} data-field={key}>
          <dt>{key}</dt>
          <dd className="num">{formatPlainValue(result[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
