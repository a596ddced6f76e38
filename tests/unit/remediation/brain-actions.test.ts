/**
 * The unified_brain action types of the remediation actions are derived from
 * the vocabulary (lib/healing/vocabulary.ts), not listed by hand beside it: the
 * activity filters and analytics series (ACTION_TYPES) carry each registry
 * action's brainAction, and the compiler refuses a mismatch.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '@/db/queries/brain';
import { keyFields } from '@/lib/dashboard/activity-fields';
import { REMEDIATION_ACTIONS, REMEDIATION_BRAIN_ACTIONS } from '@/lib/healing/vocabulary';
import { ACTIONS } from '@/lib/remediation/actions';

describe('brain action types', () => {
  it('each registry action records the vocabulary’s brain type, and the filters list it once', () => {
    for (const action of REMEDIATION_ACTIONS) {
      expect(ACTIONS[action].brainAction).toBe(REMEDIATION_BRAIN_ACTIONS[action]);
      expect(ACTION_TYPES.filter((t) => t === ACTIONS[action].brainAction)).toHaveLength(1);
    }
    expect(new Set(ACTION_TYPES).size).toBe(ACTION_TYPES.length);
  });

  it('the compiler refuses a registry action recorded under another type (checked by tsc)', () => {
    // @ts-expect-error a restart is recorded as service_restart, nothing else
    const wrong: (typeof ACTIONS)['restart']['brainAction'] = 'automatic_rollback';
    expect(wrong).not.toBe(REMEDIATION_BRAIN_ACTIONS.restart);
  });

  it('a row of a type the console does not write still shows its plain values', () => {
    expect(keyFields('someone_elses_action', { a: 1 })).toEqual([{ label: 'a', value: '1' }]);
  });
});
