import 'server-only';
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
export const CONSOLE_EVENT_TYPES = ['proactive_health_check', 'db_connection_recovered', 'reconciliation_cycle', 'remediation_approval'] as const;
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
