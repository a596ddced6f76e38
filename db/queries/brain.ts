import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { unifiedBrain, type BrainRecord } from '../schema';

/** `agent_name` of every row the console writes; the card's queries match `%self_healing%`. */
export const AGENT_NAME = 'self_healing_console';

/**
 * The rows the console writes about itself. A remediation's executions are
 * recorded under its registry module's `brainAction` (lib/remediation/actions/);
 * the full list the activity filters and analytics show is derived there
 * (BRAIN_ACTION_TYPES), since db/ does not import lib/remediation.
 */
export const CONSOLE_EVENT_TYPES = [
  'proactive_health_check',
  'db_connection_recovered',
  'reconciliation_cycle',
  'remediation_approval',
  'alert_firing',
  'alert_resolved',
] as const;
export type ConsoleEventType = (typeof CONSOLE_EVENT_TYPES)[number];
/** A console event, or an action's `brainAction` (lowercase words joined by _). */
export type ActionType = ConsoleEventType | `${string}_${string}`;

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
