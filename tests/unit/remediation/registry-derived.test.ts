/**
 * What derives from the registry: the unified_brain types the activity filters
 * and analytics list, and the fields the activity log shows first per row.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_BRAIN_ACTIONS as CONSOLE_EVENT_TYPES } from '@/lib/healing/vocabulary';
import { keyFields } from '@/lib/dashboard/activity-fields';
import { ACTION_LIST, BRAIN_ACTION_TYPES } from '@/lib/remediation/actions';

describe('registry-derived lists', () => {
  it('lists every action’s record type and every console event, each once', () => {
    for (const definition of ACTION_LIST) expect(BRAIN_ACTION_TYPES).toContain(definition.brainAction);
    for (const event of CONSOLE_EVENT_TYPES) expect(BRAIN_ACTION_TYPES).toContain(event);
    expect(new Set(BRAIN_ACTION_TYPES).size).toBe(BRAIN_ACTION_TYPES.length);
    expect(BRAIN_ACTION_TYPES).toHaveLength(ACTION_LIST.length + CONSOLE_EVENT_TYPES.length);
    expect(BRAIN_ACTION_TYPES[0]).toBe('proactive_health_check');
  });

  it('shows each action’s own fields first on its rows', () => {
    for (const definition of ACTION_LIST) {
      const metadata = { noise: 'x', ...Object.fromEntries(definition.activityFields.map((f) => [f, `v-${f}`])) };
      const shown = keyFields(definition.brainAction, metadata).map((f) => f.label);
      expect(shown).toEqual(definition.activityFields.slice(0, 4).map((f) => f.replaceAll('_', ' ')));
    }
  });
});
