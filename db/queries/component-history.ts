/** A component's recorded runtime states and config versions: what rollbacks restore. */
import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { componentConfigs, componentStates, type ComponentConfigRow, type ComponentState } from '../schema';

export async function recordComponentState(
  db: Db,
  componentId: string,
  state: Record<string, unknown>,
  source: string,
): Promise<ComponentState> {
  const [row] = await db.insert(componentStates).values({ componentId, state, source }).returning();
  return row!;
}

/** Newest first. */
export function recentStates(db: Db, componentId: string, limit: number): Promise<ComponentState[]> {
  return db
    .select()
    .from(componentStates)
    .where(eq(componentStates.componentId, componentId))
    .orderBy(desc(componentStates.recordedAt), desc(componentStates.id))
    .limit(limit);
}

/** Newest first. */
export function recentConfigs(db: Db, componentId: string, limit: number): Promise<ComponentConfigRow[]> {
  return db
    .select()
    .from(componentConfigs)
    .where(eq(componentConfigs.componentId, componentId))
    .orderBy(desc(componentConfigs.recordedAt), desc(componentConfigs.id))
    .limit(limit);
}

/** One recorded config version of this component (a rollback's stored target). */
export async function configVersion(db: Db, componentId: string, id: number): Promise<ComponentConfigRow | undefined> {
  const [row] = await db
    .select()
    .from(componentConfigs)
    .where(and(eq(componentConfigs.componentId, componentId), eq(componentConfigs.id, id)))
    .limit(1);
  return row;
}

/** One recorded runtime state of this component (a rollback's stored target). */
export async function recordedState(db: Db, componentId: string, id: number): Promise<ComponentState | undefined> {
  const [row] = await db
    .select()
    .from(componentStates)
    .where(and(eq(componentStates.componentId, componentId), eq(componentStates.id, id)))
    .limit(1);
  return row;
}

/** Component id → recorded runtime states (components without any are absent). */
export async function stateCounts(db: Db, componentId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ componentId: componentStates.componentId, n: count() })
    .from(componentStates)
    .where(componentId ? eq(componentStates.componentId, componentId) : undefined)
    .groupBy(componentStates.componentId);
  return new Map(rows.map((r) => [r.componentId, r.n]));
}
