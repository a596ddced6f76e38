/** A component's recorded runtime states and config versions: what rollbacks restore. */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
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
