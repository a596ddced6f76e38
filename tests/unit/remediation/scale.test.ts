/** The scale action's pure parts: its target count, its capability refusals, its dialog and its risk. */
import { describe, expect, it } from 'vitest';
import { planFor } from '@/lib/remediation/action-plan';
import { ACTIONS } from '@/lib/remediation/actions';
import { scaleTarget } from '@/lib/remediation/actions/scale';
import { capabilitiesOf, refusalFor } from '@/lib/remediation/capabilities';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { shareLoad } from '@/lib/simulator/scale';

const caps = (maxInstances: number | null, service = true) =>
  capabilitiesOf({ name: 'web', renderServiceId: 'srv-web1', maxInstances }, { service, hook: false, recordedStates: 0, stateRefusal: null, configVersions: 0 });

const targets = (over: Partial<ActionTargets['component']> = {}, service: ActionTargets['service'] = { kind: 'render', serviceId: 'srv-web1' }): ActionTargets => ({
  component: { name: 'web', environment: 'production', policy: 'default', maxInstances: 4, ...over },
  service,
  cleanup: null,
  previousState: null,
  canApplyState: false,
  previousConfig: null,
  approvalExpiryMinutes: 30,
  cooldownMinutes: 10,
});

describe('scaleTarget', () => {
  it('adds `by` to the count now, or takes num_instances; never above max_instances nor below 1', () => {
    expect(scaleTarget(2, { by: 1 }, 4)).toEqual({ to: 3 });
    expect(scaleTarget(2, { num_instances: 4 }, 4)).toEqual({ to: 4 });
    expect(scaleTarget(4, { by: 1 }, 4)).toEqual({ error: 'scale by +1 would run 5 instances, more than max_instances (4); nothing sent' });
    expect(scaleTarget(1, { by: -1 }, 4)).toEqual({ error: 'scale by -1 would run 0 instances; at least 1 must run; nothing sent' });
  });
});

describe('the one capability check', () => {
  it('refuses a scale without a service, without max_instances, or to more than it', () => {
    expect(refusalFor('scale', { by: 1 }, caps(4, false))?.reason).toBe('no_service');
    expect(refusalFor('scale', { by: 1 }, caps(null))).toMatchObject({ reason: 'no_max_instances', short: 'no max_instances set' });
    const over = refusalFor('scale', { num_instances: 5 }, caps(4));
    expect(over).toMatchObject({ reason: 'over_max_instances' });
    expect(over!.error.field).toBe('num_instances');
    expect(refusalFor('scale', { num_instances: 4 }, caps(4))).toBeNull();
    expect(refusalFor('scale', { by: 1 }, caps(4))).toBeNull();
    // The other actions do not need a limit.
    expect(refusalFor('restart', {}, caps(null))).toBeNull();
  });
});

describe('the scale dialog', () => {
  it('risk like a restart: production waits for an approver, staging runs at once', () => {
    expect(planFor('scale', targets(), { by: 1 })).toMatchObject({ title: 'Scale web?', confirmLabel: 'Request approval', blocker: null, risk: { risk: 'high' } });
    expect(planFor('scale', targets({ environment: 'staging' }), { by: 1 })).toMatchObject({ confirmLabel: 'Scale now', risk: { risk: 'low' } });
    expect(ACTIONS.scale.disruptive).toBe(ACTIONS.restart.disruptive);
  });

  it('says what it calls, the limit, and Render’s autoscaling caveat', () => {
    const plan = planFor('scale', targets(), { by: 1 });
    expect(plan.steps.join(' ')).toContain('GET /services/srv-web1');
    expect(plan.steps.join(' ')).toContain('POST /services/srv-web1/scale');
    expect(plan.steps.join(' ')).toContain('max_instances (4)');
    expect(plan.steps.join(' ')).toContain('autoscaling');
  });

  it('is blocked, saying why, without max_instances or without a service', () => {
    expect(planFor('scale', targets({ maxInstances: null }), { by: 1 }).blocker).toContain('has no max_instances');
    expect(planFor('scale', targets({}, null), { by: 1 }).blocker).toContain('nothing to scale');
  });
});

describe('the simulator shares load across instances', () => {
  it('CPU per instance falls to 1/n, latency eases, memory and errors stay', () => {
    const one = { cpu_usage: 90, memory_usage: 50, error_rate: 0.01, latency_ms: 1600, memory_mb: 800 };
    expect(shareLoad(one, 1)).toEqual(one);
    expect(shareLoad(one, 2)).toEqual({ ...one, cpu_usage: 45, latency_ms: 1131.37 });
  });
});
