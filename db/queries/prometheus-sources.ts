/** Prometheus sources and the status of their last pull per component. */
import 'server-only';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prometheusSources, prometheusSourceStatus, type NewPrometheusSource, type PrometheusSource, type PrometheusSourceStatus } from '../schema';

export function listPrometheusSources(db: Db): Promise<PrometheusSource[]> {
  return db.select().from(prometheusSources).orderBy(asc(prometheusSources.name));
}

export async function prometheusSourceById(db: Db, id: string): Promise<PrometheusSource | null> {
  const [row] = await db.select().from(prometheusSources).where(eq(prometheusSources.id, id)).limit(1);
  return row ?? null;
}

export async function prometheusSourceByName(db: Db, name: string): Promise<PrometheusSource | null> {
  const [row] = await db.select().from(prometheusSources).where(eq(prometheusSources.name, name)).limit(1);
  return row ?? null;
}

export async function insertPrometheusSource(db: Db, values: NewPrometheusSource): Promise<PrometheusSource> {
  const [row] = await db.insert(prometheusSources).values(values).returning();
  return row!;
}

export async function updatePrometheusSource(
  db: Db,
  id: string,
  values: Omit<NewPrometheusSource, 'id' | 'createdBy' | 'createdAt'>,
): Promise<PrometheusSource | null> {
  const [row] = await db
    .update(prometheusSources)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(prometheusSources.id, id))
    .returning();
  return row ?? null;
}

/** Statuses go with it (ON DELETE CASCADE). */
export async function deletePrometheusSource(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(prometheusSources).where(eq(prometheusSources.id, id)).returning({ id: prometheusSources.id });
  return rows.length > 0;
}

/** Forgets statuses of components the source no longer serves (a component added back is backfilled again). */
export async function pruneSourceStatuses(db: Db, sourceId: string, components: string[]): Promise<void> {
  await db
    .delete(prometheusSourceStatus)
    .where(and(eq(prometheusSourceStatus.sourceId, sourceId), components.length ? notInArray(prometheusSourceStatus.component, components) : sql`true`));
}

/** A URL or query change means other data: backfill again. */
export async function resetSourceBackfill(db: Db, sourceId: string): Promise<void> {
  await db.update(prometheusSourceStatus).set({ backfilledAt: null }).where(eq(prometheusSourceStatus.sourceId, sourceId));
}

export function sourceStatuses(db: Db, sourceId: string): Promise<PrometheusSourceStatus[]> {
  return db.select().from(prometheusSourceStatus).where(eq(prometheusSourceStatus.sourceId, sourceId));
}

/** Every status of the given components (all when `components` is omitted), with the source's name. */
export async function statusesForComponents(db: Db, components?: string[]): Promise<(PrometheusSourceStatus & { source: string })[]> {
  if (components && components.length === 0) return [];
  const rows = await db
    .select({ status: prometheusSourceStatus, source: prometheusSources.name })
    .from(prometheusSourceStatus)
    .innerJoin(prometheusSources, eq(prometheusSources.id, prometheusSourceStatus.sourceId))
    .where(components ? inArray(prometheusSourceStatus.component, components) : undefined);
  return rows.map((r) => ({ ...r.status, source: r.source }));
}

export async function upsertSourceStatus(
  db: Db,
  values: { sourceId: string; component: string; ok: boolean; error: string | null; checkedAt: Date; lastSampleAt?: Date; backfilledAt?: Date },
): Promise<void> {
  const set: Partial<PrometheusSourceStatus> = { ok: values.ok, error: values.error, checkedAt: values.checkedAt };
  if (values.lastSampleAt) set.lastSampleAt = values.lastSampleAt;
  if (values.backfilledAt) set.backfilledAt = values.backfilledAt;
  await db
    .insert(prometheusSourceStatus)
    .values({ ...values, lastSampleAt: values.lastSampleAt ?? null, backfilledAt: values.backfilledAt ?? null })
    .onConflictDoUpdate({ target: [prometheusSourceStatus.sourceId, prometheusSourceStatus.component], set });
}
