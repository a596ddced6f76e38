/** An executor's answer as an action's outcome: the card's result fields, plus success, status and message. */
import type { CallOutcome } from '@/lib/executors/types';
import type { RunOutcome } from './definition';

export function reported(outcome: Omit<CallOutcome, 'attempts'>, fields: Record<string, unknown>): RunOutcome {
  const error = outcome.success ? null : (outcome.error ?? outcome.message);
  return {
    success: outcome.success,
    error,
    result: { success: outcome.success, ...fields, status_code: outcome.status_code, message: error ?? outcome.message },
  };
}
