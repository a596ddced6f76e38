import { FiringAlerts } from '@/components/firing-alerts';
import { labelText } from '@/lib/alerts/format';
import { formatUtc } from '@/lib/format';
import type { AlertView } from '@/lib/services/alerts';

/** Alertmanager's alerts for this component: the firing ones with their labels and annotations, then the latest resolved. */
export function AlertsPanel({ alerts, reference }: { alerts: AlertView[]; reference: string }) {
  const firing = alerts.filter((a) => a.status === 'firing');
  const resolved = alerts.filter((a) => a.status === 'resolved');
  return (
    <section className="card" aria-labelledby="alerts-title" data-testid="alerts-panel" style={{ marginBottom: 28 }}>
      <h2 id="alerts-title">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">No Alertmanager alert received for this component.</p>
      ) : (
        <>
          {firing.length === 0 ? <p className="muted">Nothing firing.</p> : <FiringAlerts alerts={firing} reference={reference} />}
          {firing.map((alert) => (
            <div key={`${alert.fingerprint}-${alert.starts_at}`} className="small" style={{ marginTop: 8 }}>
              <dl className="facts">
                {Object.entries(alert.annotations).map(([name, value]) => (
                  <div key={name} style={{ display: 'contents' }}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <p className="muted">
                labels:{' '}
                {labelText(alert.labels)}
              </p>
            </div>
          ))}
          {resolved.length > 0 && (
            <table className="table" aria-label="Resolved alerts">
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Started</th>
                  <th scope="col">Resolved</th>
                </tr>
              </thead>
              <tbody>
                {resolved.map((alert) => (
                  <tr key={`${alert.fingerprint}-${alert.starts_at}`}>
                    <td>{alert.alertname}</td>
                    <td>{alert.severity ?? '—'}</td>
                    <td className="small muted">{formatUtc(alert.starts_at)}</td>
                    <td className="small muted">{formatUtc(alert.ends_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
