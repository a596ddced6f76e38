import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { BRAIN_ACTION_TYPES, type BrainActionType } from '@/lib/healing/vocabulary';
import { unifiedBrain, type BrainRecord } from '../schema';

/** `agent_name` of every row the console writes; the card's queries match `%self_healing%`. */
export const AGENT_NAME = 'self_healing_console';

/** The action types are the domain's vocabulary; a remediation action's comes from REMEDIATION_BRAIN_ACTIONS. */
export const ACTION_TYPES = BRAIN_ACTION_TYPES;
export type ActionType = BrainActionType;

export async function recordBrain(
  db: Db,
  entry: { actionType: ActionType; status: string; metadata: Record<string, unknown>; executedAt?: Date },
): Promise<BrainRecord> {
  const [row] = await db
    .insert(unifiedBrain)
    .values({ agentName: AGENT_NAME, ...entry })
    .returning();
  return row!;
}

/**
 * The newest reconciliation_cycle row, whichever process wrote it (the console,
 * or `npm run reconciler` apart): when and how long. Served by
 * unified_brain_action_type_time_idx.
 */
export async function lastReconcilerPass(db: Db): Promise<{ at: Date; durationMs: number | null } | null> {
  const [row] = await db
    .select({ at: unifiedBrain.executedAt, metadata: unifiedBrain.metadata })
    .from(unifiedBrain)
    .where(eq(unifiedBrain.actionType, 'reconciliation_cycle'))
    .orderBy(desc(unifiedBrain.executedAt))
    .limit(1);
  if (!row) return null;
  const duration = (row.metadata as Record<string, unknown> | null)?.duration_ms;
  return { at: row.at, durationMs: typeof duration === 'number' ? duration : null };
}
