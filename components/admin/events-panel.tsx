/**
 * The newest admin events (admin_events, append-only), newest first. A server
 * component: it only shows what the page hands it.
 */
import type { AdminEvent } from '@/db/schema';
import type { AdminAction } from '@/lib/services/admin/audit';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { formatUtc } from '@/lib/format';

export type AdminEventView = Pick<AdminEvent, 'id' | 'at' | 'actor' | 'action' | 'target' | 'details'>;

// Keyed by every admin action, so a new one cannot reach the page without its wording.
const VERB: Record<AdminAction, string> = {
  'user.create': 'created user',
  'user.role': 'changed the role of',
  'user.disable': 'disabled',
  'user.enable': 'enabled',
  'token.create': 'created token',
  'token.revoke': 'revoked token',
  'component.policy': 'changed the policy of',
  'automation.pause': 'paused automation',
  'automation.resume': 'resumed automation',
  'hooks.allowed_ranges': 'changed the hook address allowance for',
  'prometheus_source.create': 'added Prometheus source',
  'prometheus_source.update': 'changed Prometheus source',
  'prometheus_source.delete': 'removed Prometheus source',
  'alerts.routing': 'changed the alert routing of',
};

function change(details: Record<string, unknown>): string {
  if ('from' in details && 'to' in details) return `${String(details.from)} → ${String(details.to)}`;
  if ('role' in details) return `role ${String(details.role)}`;
  return '';
}

export function EventsPanel({ events, limit }: { events: AdminEventView[]; limit: number }) {
  return (
    <AdminPanel
      id="events"
      title="Recent admin events"
      lead={
        <>
          The newest {limit} changes made here, newest first, from the append-only <code>admin_events</code> table.
        </>
      }
    >
      {events.length === 0 ? (
        <p className="empty">No admin changes recorded yet.</p>
      ) : (
        <table className="table" aria-label="Recent admin events">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-action={event.action}>
                <td className={`small muted ${styles.when}`}>{formatUtc(event.at)}</td>
                <td>{event.actor}</td>
                <td>{VERB[event.action as AdminAction] ?? event.action}</td>
                <td>{event.target === 'automation' ? '' : event.target}</td>
                <td className="small">{change(event.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminPanel>
  );
}
