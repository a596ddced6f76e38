import { describe, expect, it } from 'vitest';
import { riskFor } from '@/lib/healing/risk';

describe('riskFor (SPEC §4)', () => {
  it.each([
    ['restart', 'production', 'default', 'high'],
    ['rollback', 'production', 'default', 'high'],
    ['memory_cleanup', 'production', 'default', 'low'],
    ['restart', 'staging', 'default', 'low'],
    ['rollback', 'dev', 'default', 'low'],
    ['restart', 'production', 'auto', 'low'],
    ['memory_cleanup', 'staging', 'approval', 'high'],
  ] as const)('%s in %s with policy %s → %s', (action, environment, policy, risk) => {
    expect(riskFor(action, { environment, policy })).toMatchObject({ allowed: true, risk });
  });

  it('policy never refuses every action and says why', () => {
    const decision = riskFor('memory_cleanup', { environment: 'dev', policy: 'never' });
    expect(decision).toEqual({ allowed: false, why: expect.stringContaining('never') });
  });
});
