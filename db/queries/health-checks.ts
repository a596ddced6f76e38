import 'server-only';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { components, healthChecks, type EvidenceSender, type HealthCheckRow, type NewHealthCheckRow } from '../schema';

export async function insertHealthCheck(db: Db, check: NewHealthCheckRow): Promise<HealthCheckRow> {
  const [row] = await db.insert(healthChecks).values(check).returning();
  return row!;
}

/** Who sent the samples a check judged (none when the check does not exist). */
export async function checkSenders(db: Db, checkId: number): Promise<EvidenceSender[]> {
  const [row] = await db.select({ senders: healthChecks.evidenceSenders }).from(healthChecks).where(eq(healthChecks.id, checkId)).limit(1);
  return row?.senders ?? [];
}

/** Newest first. */
export function recentChecks(db: Db, componentId: string, limit: number): Promise<HealthCheckRow[]> {
  return db
    .select()
    .from(healthChecks)
    .where(eq(healthChecks.componentId, componentId))
    .orderBy(desc(healthChecks.checkedAt), desc(healthChecks.id))
    .limit(limit);
}

/**
 * Scores of the latest checks at or before `asOf` (checked_at ≤ asOf), oldest first:
 * the input of the trend rule. A late (backfilled) sample must be judged by the
 * checks of its own past, not by scores recorded after it.
 */
export async function recentScores(db: Db, componentId: string, limit: number, asOf: Date): Promise<number[]> {
  const rows = await db
    .select({ score: healthChecks.healthScore })
    .from(healthChecks)
    .where(and(eq(healthChecks.componentId, componentId), lte(healthChecks.checkedAt, asOf)))
    .orderBy(desc(healthChecks.checkedAt), desc(healthChecks.id))
    .limit(limit);
  return rows.map((r) => r.score).reverse();
}

/**
 * The newest check of every component that has one, keyed by component id.
 * One index probe per component (LATERAL … LIMIT 1 on the (component_id,
 * checked_at) index): DISTINCT ON over the whole table sorted every check ever
 * recorded — about a second per call after a week of demo data — and the
 * overview calls this every few seconds.
 */
export async function latestCheckPerComponent(db: Db): Promise<Map<string, HealthCheckRow>> {
  const latest = db
    .select()
    .from(healthChecks)
    .where(eq(healthChecks.componentId, components.id))
    .orderBy(desc(healthChecks.checkedAt), desc(healthChecks.id))
    .limit(1)
    .as('latest');
  const rows = await db.select().from(components).innerJoinLateral(latest, sql`true`);
  return new Map(rows.map((r) => [r.latest.componentId, r.latest]));
}
