import { firingLine } from '@/lib/alerts/format';
import type { AlertView } from '@/lib/services/alerts';

/** The overview's line per firing Alertmanager alert; a healing one is marked as a trigger. */
export function FiringAlerts({ alerts, reference }: { alerts: AlertView[]; reference: string }) {
  if (alerts.length === 0) return null;
  return (
    <div className="small" data-testid="firing-alerts">
      {alerts.map((alert) => (
        <div
          key={`${alert.fingerprint}-${alert.starts_at}`}
          className={alert.healing ? 'tone-high' : undefined}
          title={alert.annotations.summary ?? alert.annotations.description}
        >
          {firingLine(alert, reference)}
          {alert.severity && <span className="muted"> · {alert.severity}</span>}
          {alert.healing && <span className="muted"> · healing trigger</span>}
        </div>
      ))}
    </div>
  );
}
