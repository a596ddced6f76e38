/** Process configuration read from the environment once, validated loudly. */
import { healingTriggersFromEnv } from '@/lib/healing/triggers';
import type { HealingTriggers } from '@/lib/healing/types';

let triggers: HealingTriggers | undefined;

/** HEAL_*_THRESH, defaults as on the reference card. Throws naming a malformed variable. */
export function healingTriggers(): HealingTriggers {
  triggers ??= healingTriggersFromEnv(process.env);
  return triggers;
}
