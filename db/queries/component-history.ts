/** A component's recorded runtime states and config versions: what rollbacks restore. */
import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { componentConfigs, components, componentStates, type ComponentConfigRow, type ComponentState } from '../schema';

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

/**
 * The newest `limit` recorded states of every component that has any, newest
 * first, keyed by component id: one index probe per component (LATERAL … LIMIT).
 */
export async function recentStatesPerComponent(db: Db, limit: number): Promise<Map<string, ComponentState[]>> {
  const recent = db
    .select()
    .from(componentStates)
    .where(eq(componentStates.componentId, components.id))
    .orderBy(desc(componentStates.recordedAt), desc(componentStates.id))
    .limit(limit)
    .as('recent');
  const rows = await db.select().from(components).innerJoinLateral(recent, sql`true`);
  const byComponent = new Map<string, ComponentState[]>();
  for (const { recent: state } of rows) byComponent.set(state.componentId, [...(byComponent.get(state.componentId) ?? []), state]);
  // Row order out of a join is not promised: newest first again.
  for (const states of byComponent.values()) states.sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.id - a.id);
  return byComponent;
}

/** Component id → recorded config versions (components without any are absent). */
export async function configCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ componentId: componentConfigs.componentId, n: count() })
    .from(componentConfigs)
    .groupBy(componentConfigs.componentId);
  return new Map(rows.map((r) => [r.componentId, r.n]));
}
