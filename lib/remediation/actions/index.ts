/**
 * The action registry: one definition per remediation action. Adding an
 * action is adding its module here (and its name to lib/healing/vocabulary.ts);
 * every list, map and switch over actions reads this record.
 */
import 'server-only';
import { CONSOLE_EVENT_TYPES } from '@/db/queries/brain';
import type { RemediationAction } from '@/lib/healing/vocabulary';
import type { ActionDefinition } from './definition';
import { memoryCleanup } from './memory-cleanup';
import { restart } from './restart';
import { rollback } from './rollback';
import { scale } from './scale';

export const ACTIONS: { readonly [K in RemediationAction]: ActionDefinition & { name: K } } = {
  restart,
  rollback,
  memory_cleanup: memoryCleanup,
  scale,
};

export const actionOf = (name: RemediationAction): ActionDefinition => ACTIONS[name];

/** The registry in the vocabulary's order (buttons, filters). */
export const ACTION_LIST: readonly ActionDefinition[] = Object.values(ACTIONS);

/**
 * Every `unified_brain` action_type the console writes, for the activity
 * filters and analytics: its health checks first, then each action's record
 * type in the registry's order, then its own bookkeeping.
 */
export const BRAIN_ACTION_TYPES: readonly string[] = [
  CONSOLE_EVENT_TYPES[0],
  ...ACTION_LIST.map((definition) => definition.brainAction),
  ...CONSOLE_EVENT_TYPES.slice(1),
];

export type { ActionDefinition, DialogChoice, DialogText, RunOutcome } from './definition';
export { cannotApplyState, configToRestore, differingConfigFields } from './rollback';
