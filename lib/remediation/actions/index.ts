/**
 * The action registry: one definition per remediation action. Adding an
 * action is adding its module here (and its name to lib/healing/vocabulary.ts);
 * every list, map and switch over actions reads this record.
 */
import 'server-only';
import type { REMEDIATION_BRAIN_ACTIONS, RemediationAction } from '@/lib/healing/vocabulary';
import type { ActionDefinition } from './definition';
import { memoryCleanup } from './memory-cleanup';
import { restart } from './restart';
import { rollback } from './rollback';
import { scale } from './scale';

/** Keyed by the vocabulary: an action without a module, or recorded under another brain type, fails to compile. */
export const ACTIONS: {
  readonly [K in RemediationAction]: ActionDefinition & { name: K; brainAction: (typeof REMEDIATION_BRAIN_ACTIONS)[K] };
} = {
  restart,
  rollback,
  memory_cleanup: memoryCleanup,
  scale,
};

export const actionOf = (name: RemediationAction): ActionDefinition => ACTIONS[name];

/** The registry in the vocabulary's order (buttons, filters). */
export const ACTION_LIST: readonly ActionDefinition[] = Object.values(ACTIONS);

/** Every `unified_brain` action_type the console writes (activity filters, analytics), from the domain's vocabulary. */
export { BRAIN_ACTION_TYPES } from '@/lib/healing/vocabulary';

export type { ActionDefinition, DialogChoice, DialogText, RunOutcome } from './definition';
export { cannotApplyState, configToRestore, differingConfigFields } from './rollback';
