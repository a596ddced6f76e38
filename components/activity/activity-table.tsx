import Link from 'next/link';
import type { ActivityRow } from '@/db/queries/activity';
import { keyFields } from '@/lib/dashboard/activity-fields';
import { formatUtc } from '@/lib/format';
import { JsonDetails } from '../json-details';

const STATUS_TONE: Record<string, string> = {
  healthy: 'level-low',
  success: 'level-low',
  warning: 'level-medium',
  critical: 'level-critical',
  failure: 'level-critical',
};

/** The status word in a tinted pill; the word carries the meaning, the tint only helps scanning. */
function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_TONE[status] ?? 'neutral'}`}>{status}</span>;
}

export function ActivityTable({ rows }: { rows: ActivityRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table compact" aria-label="Activity">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Component</th>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const component = typeof r.metadata.component === 'string' ? r.metadata.component : null;
            const fields = keyFields(r.actionType, r.metadata);
            return (
              <tr key={r.id} data-id={r.id} data-executed-at={r.exactAt} data-action={r.actionType} data-status={r.status} data-component={component ?? ''}>
                <td className="nowrap small num">{formatUtc(r.exactAt, true)}</td>
                <td className="nowrap">
                  {component ? <Link href={`/components/${component}`}>{component}</Link> : <span className="muted">console-wide</span>}
                </td>
                <td className="nowrap">
                  <code>{r.actionType}</code>
                  {r.agentName !== 'self_healing_console' && <div className="small muted">{r.agentName}</div>}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  <div className="details-cell">
                    {fields.length > 0 && (
                      <dl className="kv">
                        {fields.map((f) => (
                          <div key={f.label}>
                            <dt>{f.label}</dt>
                            <dd>{f.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                    <JsonDetails value={r.metadata} summary="metadata" />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
