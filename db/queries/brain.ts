import 'server-only';
import type { Db } from '../client';
import { unifiedBrain, type BrainRecord } from '../schema';

/** `agent_name` of every row the console writes; the card's queries match `%self_healing%`. */
export const AGENT_NAME = 'self_healing_console';

export const ACTION_TYPES = [
  'proactive_health_check',
  'service_restart',
  'automatic_rollback',
  'db_connection_recovered',
  'memory_leak_cleanup',
  'reconciliation_cycle',
  'remediation_approval',
  'alert_firing',
  'alert_resolved',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

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
