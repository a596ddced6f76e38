/** A component's recorded runtime states and configuration versions, newest first. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { componentConfigs, componentStates, type ComponentConfigRow, type ComponentState } from '../schema';

export function stateHistory(db: Db, componentId: string, limit: number): Promise<ComponentState[]> {
  return db
    .select()
    .from(componentStates)
    .where(eq(componentStates.componentId, componentId))
    .orderBy(desc(componentStates.recordedAt), desc(componentStates.id))
    .limit(limit);
}

export function configHistory(db: Db, componentId: string, limit: number): Promise<ComponentConfigRow[]> {
  return db
    .select()
    .from(componentConfigs)
    .where(eq(componentConfigs.componentId, componentId))
    .orderBy(desc(componentConfigs.recordedAt), desc(componentConfigs.id))
    .limit(limit);
}
