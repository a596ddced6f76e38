/**
 * The Alertmanager receiver's use case: store each alert of a webhook delivery once, match it to
 * a component by label, and record what changed in unified_brain (`alert_firing`, `alert_resolved`).
 *
 * Idempotent on (fingerprint, startsAt): Alertmanager retries a failed delivery and re-sends the
 * whole group every group_interval / repeat_interval, so a re-delivered firing alert stores and
 * records nothing; a resolved one closes the stored firing row once. An alert whose labels name
 * no registered component is stored unmatched and said so in the answer, never registered: a
 * typo'd or foreign `job` label would otherwise create components (and count against
 * MAX_COMPONENTS) that no one sends metrics for.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { insertAlertOnce, recentAlerts, resolveAlert } from '@/db/queries/alerts';
import { recordBrain } from '@/db/queries/brain';
import { componentIdsByName } from '@/db/queries/components';
import { alertRouting, type AlertRoutingState } from '@/db/queries/settings';
import type { AlertRow, EvidenceSender } from '@/db/schema';
import { componentLabelOf, DEFAULT_ALERT_ROUTING, isHealingSeverity } from '@/lib/alerts/routing';
import type { AlertmanagerAlert, AlertmanagerPayload } from '@/lib/validation/alertmanager';

export function currentAlertRouting(db: Db): Promise<AlertRoutingState> {
  return alertRouting(db, DEFAULT_ALERT_ROUTING);
}

export interface UnmatchedAlert {
  index: number;
  alertname: string;
  fingerprint: string;
  /** The label that named a component and its value, or null when the alert carries none of the labels. */
  label: string | null;
  value: string | null;
}

export interface ReceiveResult {
  received: number;
  /** Firing alerts stored for the first time. */
  firing: number;
  /** Stored firing alerts closed by this delivery (or resolved ones first seen resolved). */
  resolved: number;
  /** Re-deliveries: nothing new. */
  unchanged: number;
  unmatched: UnmatchedAlert[];
  /** The labels read, in order, to find each alert's component. */
  component_labels: string[];
}

const alertnameOf = (alert: AlertmanagerAlert) => alert.labels.alertname || 'unnamed alert';

export async function receiveAlertmanager(db: Db, payload: AlertmanagerPayload, sender: EvidenceSender, now = new Date()): Promise<ReceiveResult> {
  const routing = await currentAlertRouting(db);
  const named = payload.alerts.map((alert) => componentLabelOf(alert.labels, routing.componentLabels));
  const ids = await componentIdsByName(db, [...new Set(named.flatMap((n) => (n ? [n.value] : [])))]);
  const result: ReceiveResult = { received: payload.alerts.length, firing: 0, resolved: 0, unchanged: 0, unmatched: [], component_labels: routing.componentLabels };

  // One transaction: a delivery is stored whole or not at all, with its brain records.
  await db.transaction(async (tx) => {
    for (const [index, alert] of payload.alerts.entries()) {
      const name = named[index];
      const componentId = name ? (ids.get(name.value) ?? null) : null;
      if (!componentId) {
        result.unmatched.push({ index, alertname: alertnameOf(alert), fingerprint: alert.fingerprint, label: name?.label ?? null, value: name?.value ?? null });
      }
      const row = {
        fingerprint: alert.fingerprint,
        startsAt: alert.startsAt,
        endsAt: alert.endsAt,
        status: alert.status,
        alertname: alertnameOf(alert),
        severity: alert.labels.severity ?? null,
        componentId,
        componentLabel: name?.value ?? null,
        labels: alert.labels,
        annotations: alert.annotations,
        generatorUrl: alert.generatorURL || null,
        sentBy: sender.name,
        sentByUserId: sender.user_id,
        receivedAt: now,
        resolvedAt: alert.status === 'resolved' ? now : null,
      };
      if (alert.status === 'firing') {
        const stored = await insertAlertOnce(tx, row);
        if (!stored) result.unchanged++;
        else {
          result.firing++;
          await recordAlert(tx, 'alert_firing', stored, name?.value ?? null);
        }
        continue;
      }
      // Resolved: close the firing instance; one never seen firing is stored already resolved (it never triggers).
      const closed = (await resolveAlert(tx, { fingerprint: alert.fingerprint, startsAt: alert.startsAt, endsAt: alert.endsAt, at: now })) ?? (await insertAlertOnce(tx, row));
      if (!closed) result.unchanged++;
      else {
        result.resolved++;
        await recordAlert(tx, 'alert_resolved', closed, name?.value ?? null);
      }
    }
  });
  return result;
}

async function recordAlert(db: Db, actionType: 'alert_firing' | 'alert_resolved', alert: AlertRow, componentName: string | null): Promise<void> {
  await recordBrain(db, {
    actionType,
    status: alert.status,
    metadata: {
      // Only a registered component's name: /activity filters by it.
      component: alert.componentId ? componentName : null,
      ...(alert.componentId ? {} : { unmatched: true, component_label: componentName }),
      alertname: alert.alertname,
      severity: alert.severity,
      fingerprint: alert.fingerprint,
      starts_at: alert.startsAt.toISOString(),
      ends_at: alert.endsAt?.toISOString() ?? null,
      labels: alert.labels,
      annotations: alert.annotations,
      sent_by: alert.sentBy,
    },
  });
}

/** An alert as the pages and the API show it (no sender id). */
export interface AlertView {
  alertname: string;
  status: 'firing' | 'resolved';
  severity: string | null;
  starts_at: string;
  ends_at: string | null;
  /** Whether it is (while firing) a healing trigger under the admin's severities. */
  healing: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generator_url: string | null;
  fingerprint: string;
}

export function alertView(row: AlertRow, healingSeverities: readonly string[]): AlertView {
  return {
    alertname: row.alertname,
    status: row.status,
    severity: row.severity,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt?.toISOString() ?? null,
    healing: row.status === 'firing' && isHealingSeverity(row.severity, healingSeverities),
    labels: row.labels,
    annotations: row.annotations,
    generator_url: row.generatorUrl,
    fingerprint: row.fingerprint,
  };
}

const COMPONENT_PAGE_ALERTS = 10;

/** The component page's alerts: firing ones first, then the latest resolved. */
export async function componentAlerts(db: Db, componentId: string): Promise<AlertView[]> {
  const [routing, rows] = await Promise.all([currentAlertRouting(db), recentAlerts(db, componentId, COMPONENT_PAGE_ALERTS)]);
  return rows.map((row) => alertView(row, routing.healingSeverities));
}
