import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { healthChecks, type HealthCheckRow, type NewHealthCheckRow } from '../schema';

export async function insertHealthCheck(db: Db, check: NewHealthCheckRow): Promise<HealthCheckRow> {
  const [row] = await db.insert(healthChecks).values(check).returning();
  return row!;
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

/** Scores of the latest checks, oldest first (the input of the trend rule). */
export async function recentScores(db: Db, componentId: string, limit: number): Promise<number[]> {
  const rows = await db
    .select({ score: healthChecks.healthScore })
    .from(healthChecks)
    .where(eq(healthChecks.componentId, componentId))
    .orderBy(desc(healthChecks.checkedAt), desc(healthChecks.id))
    .limit(limit);
  return rows.map((r) => r.score).reverse();
}

/** The newest check of every component that has one, keyed by component id. */
export async function latestCheckPerComponent(db: Db): Promise<Map<string, HealthCheckRow>> {
  const rows = await db
    .selectDistinctOn([healthChecks.componentId])
    .from(healthChecks)
    .orderBy(healthChecks.componentId, desc(healthChecks.checkedAt), desc(healthChecks.id));
  return new Map(rows.map((r) => [r.componentId, r]));
}
