import { describe, expect, it } from 'vitest';
import { riskFor, routingChanges } from '@/lib/healing/risk';
import { ACTIONS } from '@/lib/remediation/actions';

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
    expect(riskFor(ACTIONS[action], { environment, policy })).toMatchObject({ allowed: true, risk });
  });

  it('policy never refuses every action and says why', () => {
    const decision = riskFor(ACTIONS.memory_cleanup, { environment: 'dev', policy: 'never' });
    expect(decision).toEqual({ allowed: false, why: expect.stringContaining('never') });
  });
});

describe('riskFor: what the request aims at', () => {
  it('a restart aimed at another service than the registered one waits for an approver, even in staging or under "auto"', () => {
    for (const policy of ['default', 'auto'] as const) {
      const decision = riskFor(ACTIONS.restart, { environment: 'staging', policy }, { retargetedTo: 'srv-prod1' });
      expect(decision).toMatchObject({ allowed: true, risk: 'high', why: expect.stringContaining('srv-prod1') });
    }
  });

  it('a config rollback that re-routes the component waits for an approver; "never" still refuses first', () => {
    expect(riskFor(ACTIONS.rollback, { environment: 'dev', policy: 'default' }, { rewritesRouting: ['environment'] })).toMatchObject({
      risk: 'high',
      why: expect.stringContaining('environment'),
    });
    expect(riskFor(ACTIONS.rollback, { environment: 'dev', policy: 'default' }, { rewritesRouting: [] })).toMatchObject({ risk: 'low' });
    expect(riskFor(ACTIONS.restart, { environment: 'dev', policy: 'never' }, { retargetedTo: 'srv-x' })).toMatchObject({ allowed: false });
  });
});

describe('routingChanges: which routing fields a PUT would change', () => {
  const current = { environment: 'staging', policy: 'default', render_service_id: 'srv-a1', cleanup_url: null };
  it.each([
    [{ environment: 'staging' }, []],
    [{ environment: 'production' }, ['environment']],
    [{ render_service_id: 'srv-b2', cleanup_url: null }, ['render_service_id']],
    [{ render_service_id: null }, ['render_service_id']],
    [{ cleanup_url: 'http://x.internal/cleanup', policy: 'auto' }, ['policy', 'cleanup_url']],
    [{}, []],
  ] as const)('%j → %j', (changes, fields) => {
    expect(routingChanges(current, changes)).toEqual(fields);
  });

  it('a new component is compared with the defaults: production, default policy, no service, no hook', () => {
    expect(routingChanges(null, { environment: 'production', render_service_id: null })).toEqual([]);
    expect(routingChanges(null, { environment: 'staging', render_service_id: 'srv-a1' })).toEqual(['environment', 'render_service_id']);
  });
});
