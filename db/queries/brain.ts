import 'server-only';
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
