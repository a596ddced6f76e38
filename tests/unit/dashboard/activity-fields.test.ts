import { describe, expect, it } from 'vitest';
import { keyFields } from '@/lib/dashboard/activity-fields';

describe('keyFields', () => {
  it('summarises a health check', () => {
    expect(
      keyFields('proactive_health_check', {
        component: 'api',
        health_score: 62.5,
        trend: 'declining',
        failure_prediction: { level: 'high', probability: 0.412, time_to_failure: '1-6 hours', reasons: ['x'] },
        healing_triggers: [],
        warnings: ['a', 'b'],
      }),
    ).toEqual([
      { label: 'health score', value: '62.5' },
      { label: 'trend', value: 'declining' },
      { label: 'failure prediction', value: 'high (41%, 1-6 hours)' },
      // No healing triggers: nothing to say; the next plain value fills the slot.
      { label: 'warnings', value: 'a; b' },
    ]);
  });

  it('leads an approval with decision, who and why', () => {
    expect(
      keyFields('remediation_approval', { component: 'api', remediation_id: 'r-1', decision: 'rejected', decided_by: 'sre@example.com', reason: 'not during the sale' }),
    ).toEqual([
      { label: 'decision', value: 'rejected' },
      { label: 'decided by', value: 'sre@example.com' },
      { label: 'reason', value: 'not during the sale' },
      { label: 'remediation id', value: 'r-1' },
    ]);
  });

  it('falls back to plain values for unknown action types, never repeating component', () => {
    const long = 'x'.repeat(120);
    expect(keyFields('custom', { component: 'api', nested: { a: 1 }, flag: true, note: long, n: 1.23456 })).toEqual([
      { label: 'flag', value: 'yes' },
      { label: 'note', value: `${'x'.repeat(79)}…` },
      { label: 'n', value: '1.235' },
    ]);
  });
});
