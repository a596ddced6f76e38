/** One capability check: what can run on a component and why not, for every caller. */
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, planCapabilities, refusalFor, type CapabilityFacts } from '@/lib/remediation/capabilities';

const facts = (over: Partial<CapabilityFacts> = {}): CapabilityFacts => ({
  service: true,
  hook: true,
  recordedStates: 2,
  stateRefusal: null,
  configVersions: 2,
  ...over,
});
const caps = (over: Partial<CapabilityFacts> = {}, renderServiceId: string | null = 'srv-abc') => capabilitiesOf({ name: 'orders', renderServiceId }, facts(over));

describe('refusalFor', () => {
  it('a restart or a deployment rollback needs a service, and the refusal names service_id', () => {
    for (const [action, params] of [['restart', {}], ['rollback', { rollback_type: 'deployment' }]] as const) {
      const refusal = refusalFor(action, params, caps({ service: false }));
      expect(refusal).toMatchObject({ reason: 'no_service', short: 'no Render service registered' });
      expect(refusal!.error.code).toBe('validation_failed');
      expect(refusal!.error.field).toBe('service_id');
    }
    expect(refusalFor('restart', {}, caps())).toBeNull();
  });

  it('a previous_state rollback needs two recorded states and something to re-apply them; a config rollback two versions', () => {
    expect(refusalFor('rollback', { rollback_type: 'previous_state' }, caps({ recordedStates: 1 }))?.error.message).toBe('no previous state recorded for orders');
    expect(refusalFor('rollback', { rollback_type: 'previous_state' }, caps({ stateRefusal: 'no deploy named' }))).toMatchObject({ reason: 'state_not_applicable' });
    expect(refusalFor('rollback', { rollback_type: 'previous_state' }, caps({ service: false }))).toBeNull();
    expect(refusalFor('rollback', { rollback_type: 'config' }, caps({ configVersions: 1 }))?.error.message).toBe('no previous config recorded for orders');
  });

  it('a cleanup is never refused for want of a hook: it proposes a restart instead', () => {
    expect(refusalFor('memory_cleanup', {}, caps({ hook: false, service: false }))).toBeNull();
  });
});

describe('planCapabilities: the reconciler proposes only what would not be refused', () => {
  it('derives the plan’s means from the same check', () => {
    expect(planCapabilities(caps({}, null))).toEqual({ cleanupHook: true, renderServiceId: null, stateRollback: true, restartable: true, scalable: false });
    expect(planCapabilities(caps({ service: false, recordedStates: 1, hook: false }, null))).toEqual({
      cleanupHook: false,
      renderServiceId: null,
      stateRollback: false,
      restartable: false,
      scalable: false,
    });
  });
});
