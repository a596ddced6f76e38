/** The healing triggers (HEAL_*_THRESH) of this process; parsed with the rest of the configuration in lib/env.ts. */
import { env } from '@/lib/env';
import type { HealingTriggers } from '@/lib/healing/types';

export function healingTriggers(): HealingTriggers {
  return env().healingTriggers;
}
