/** Alerts received from Alertmanager (table `alerts`): idempotent writes and the reads the pages and the reconciler make. */
import 'server-only';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { alerts, type AlertRow, type NewAlertRow } from '../schema';

/** Stores a firing alert unless this (fingerprint, startsAt) is already stored; the new row, or null for a re-delivery. */
export async function insertAlertOnce(db: Db, row: NewAlertRow): Promise<AlertRow | null> {
  const [inserted] = await db.insert(alerts).values(row).onConflictDoNothing({ target: [alerts.fingerprint, alerts.startsAt] }).returning();
  return inserted ?? null;
}

/** Closes the stored firing instance; null when there is none firing (already resolved, or never received). */
export async function resolveAlert(db: Db, key: { fingerprint: string; startsAt: Date; endsAt: Date | null; at: Date }): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ status: 'resolved', endsAt: key.endsAt ?? key.at, resolvedAt: key.at })
    .where(and(eq(alerts.fingerprint, key.fingerprint), eq(alerts.startsAt, key.startsAt), eq(alerts.status, 'firing')))
    .returning();
  return row ?? null;
}

/** Firing alerts of registered components whose severity is one of `severities`, by component id, oldest first. */
export async function firingAlertsByComponent(db: Db, severities?: readonly string[], componentId?: string): Promise<Map<string, AlertRow[]>> {
  if (severities && severities.length === 0) return new Map();
  const rows = await db
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.status, 'firing'),
        componentId ? eq(alerts.componentId, componentId) : isNotNull(alerts.componentId),
        severities ? inArray(alerts.severity, [...severities]) : undefined,
      ),
    )
    .orderBy(alerts.startsAt, alerts.id);
  const byComponent = new Map<string, AlertRow[]>();
  for (const row of rows) {
    const list = byComponent.get(row.componentId!) ?? [];
    list.push(row);
    byComponent.set(row.componentId!, list);
  }
  return byComponent;
}

/** A component's alerts, firing first, then newest first. */
export function recentAlerts(db: Db, componentId: string, limit: number): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(eq(alerts.componentId, componentId))
    .orderBy(sql`case when ${alerts.status} = 'firing' then 0 else 1 end`, desc(alerts.startsAt), desc(alerts.id))
    .limit(limit);
}
