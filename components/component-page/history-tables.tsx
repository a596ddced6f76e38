import { JsonDetails } from '@/components/json-details';
import type { ComponentConfig } from '@/db/schema';
import { formatUtc } from '@/lib/format';
import type { HistoryEntry } from '@/lib/services/component-dashboard';

function scalarSummary(value: Record<string, unknown>): string {
  const parts = Object.entries(value)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length > 0 ? parts.join(' · ') : `${Object.keys(value).length} fields`;
}

function configSummary(c: ComponentConfig): string {
  const overridden = Object.keys(c.thresholds ?? {});
  return [
    `environment ${c.environment}`,
    `policy ${c.policy}`,
    overridden.length > 0 ? `thresholds: ${overridden.join(', ')}` : 'default thresholds',
    c.render_service_id ? `Render ${c.render_service_id}` : null,
    c.cleanup_url ? 'cleanup hook set' : null,
    // How far a scale may go decides whether the console scales at all (a config rollback restores it too).
    typeof c.max_instances === 'number' ? `at most ${c.max_instances} instance${c.max_instances === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function HistoryTable<T>({
  id,
  title,
  empty,
  byLabel,
  rows,
  summarize,
}: {
  id: string;
  title: string;
  empty: string;
  byLabel: string;
  rows: HistoryEntry<T>[];
  summarize: (value: T) => string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <div className="card empty">{empty}</div>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">{byLabel}</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap small">{formatUtc(r.recorded_at, true)}</td>
                  <td className="small">{r.by}</td>
                  <td className="small">
                    {summarize(r.value)}
                    <JsonDetails value={r.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function StateHistory({ rows }: { rows: HistoryEntry<Record<string, unknown>>[] }) {
  return (
    <HistoryTable
      id="state-history"
      title="State history"
      empty="No runtime state recorded yet (deploys, restarts and rollbacks record one)."
      byLabel="Source"
      rows={rows}
      summarize={scalarSummary}
    />
  );
}

export function ConfigHistory({ rows }: { rows: HistoryEntry<ComponentConfig>[] }) {
  return (
    <HistoryTable
      id="config-history"
      title="Configuration history"
      empty="Configured with defaults; no change recorded."
      byLabel="Changed by"
      rows={rows}
      summarize={configSummary}
    />
  );
}
