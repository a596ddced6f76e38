/** The confirmation dialog's words: what happens, to which service, now or after approval, or why not at all. */
import { describe, expect, it } from 'vitest';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { planFor } from '@/lib/remediation/action-plan';

const base: ActionTargets = {
  component: { name: 'checkout', environment: 'production', policy: 'default', maxInstances: null },
  service: { kind: 'render', serviceId: 'srv-abc123' },
  cleanup: { kind: 'hook', url: 'https://checkout.internal/cleanup', signed: false },
  previousState: null,
  canApplyState: false,
  previousConfig: null,
  approvalExpiryMinutes: 30,
  cooldownMinutes: 10,
};
const targets = (overrides: Partial<ActionTargets> = {}, component: Partial<ActionTargets['component']> = {}): ActionTargets => ({
  ...base,
  ...overrides,
  component: { ...base.component, ...component },
});

describe('planFor', () => {
  it('a production restart names the Render call and goes to the approval queue', () => {
    const plan = planFor('restart', targets());
    expect(plan.title).toBe('Restart checkout?');
    expect(plan.target).toBe('Render service srv-abc123');
    expect(plan.steps[0]).toBe('The console calls Render: POST /services/srv-abc123/restart (retried on 429 and 5xx).');
    expect(plan.risk).toMatchObject({ allowed: true, risk: 'high' });
    expect(plan.when).toContain('goes to the approval queue');
    expect(plan.when).toContain('within 30 min');
    expect(plan.confirmLabel).toBe('Request approval');
    expect(plan.blocker).toBeNull();
    expect(plan.steps.at(-1)).toBe('Once it runs, another restart of checkout is held back for 10 min (cooldown).');
  });

  it('in staging it runs at once', () => {
    const plan = planFor('restart', targets({}, { environment: 'staging' }));
    expect(plan.risk).toMatchObject({ allowed: true, risk: 'low' });
    expect(plan.when).toBe('It runs as soon as you confirm.');
    expect(plan.confirmLabel).toBe('Restart now');
  });

  it('says so when there is no service to restart, and cannot be confirmed', () => {
    const plan = planFor('restart', targets({ service: null }));
    expect(plan.target).toBe('no service registered');
    expect(plan.blocker).toBe('checkout has no Render service registered (render_service_id), so there is nothing to restart.');
  });

  it('names a simulated service as such', () => {
    const plan = planFor('restart', targets({ service: { kind: 'simulator', serviceId: 'sim-checkout' } }));
    expect(plan.target).toBe('simulated service sim-checkout (demo simulator)');
  });

  it('policy "never" refuses every action', () => {
    const plan = planFor('memory_cleanup', targets({}, { policy: 'never' }));
    expect(plan.risk.allowed).toBe(false);
    expect(plan.when).toBe('Refused: the component’s remediation policy is "never".');
    expect(plan.blocker).toBe('The remediation policy of checkout is "never".');
    expect(plan.confirmLabel).toBe('Refused');
  });

  it('policy "approval" queues even a cleanup; "auto" runs even a production restart', () => {
    expect(planFor('memory_cleanup', targets({}, { policy: 'approval' })).risk).toMatchObject({ risk: 'high' });
    expect(planFor('restart', targets({}, { policy: 'auto' })).risk).toMatchObject({ risk: 'low' });
  });

  it('a previous_state rollback shows the states it moves between, when something can apply them', () => {
    const previousState = { from: { version: 'v2' }, to: { version: 'v1' }, recordedAt: '2026-11-29T10:00:00.000Z' };
    expect(planFor('rollback', targets(), { rollback_type: 'previous_state' }).blocker).toBe('No previous state is recorded for checkout.');
    expect(planFor('rollback', targets({ previousState }), { rollback_type: 'previous_state' }).blocker).toBe(
      'Nothing can re-apply the recorded state of checkout (it names no Render deploy); use a deployment rollback.',
    );
    const plan = planFor('rollback', targets({ previousState, canApplyState: true, service: { kind: 'simulator', serviceId: 'sim-checkout' } }), { rollback_type: 'previous_state' });
    expect(plan.blocker).toBeNull();
    expect(plan.steps[0]).toBe('Restores the state recorded before the current one: {"version":"v2"} → {"version":"v1"}.');
  });

  it('a config rollback lists what changes back', () => {
    const previousConfig = {
      changes: [{ field: 'policy', from: 'auto', to: 'default' }],
      recordedAt: '2026-11-29T10:00:00.000Z',
      changedBy: 'ops-token',
    };
    const plan = planFor('rollback', targets({ previousConfig }), { rollback_type: 'config' });
    expect(plan.target).toBe('the console’s configuration of the component');
    expect(plan.steps[0]).toBe('Restores checkout’s console configuration as ops-token left it (policy: auto → default).');
    expect(planFor('rollback', targets(), { rollback_type: 'config' }).blocker).toBe('No previous configuration is recorded for checkout.');
  });

  it('a deployment rollback says Render turns auto-deploy off', () => {
    const plan = planFor('rollback', targets(), { rollback_type: 'deployment' });
    expect(plan.steps[0]).toContain('POST /services/srv-abc123/rollback');
    expect(plan.steps[0]).toContain('turns auto-deploy off');
  });

  it('a cleanup judges first and, without a hook, warns that a restart is proposed instead', () => {
    const withHook = planFor('memory_cleanup', targets());
    expect(withHook.target).toBe('cleanup hook https://checkout.internal/cleanup');
    expect(withHook.risk).toMatchObject({ risk: 'low' });
    expect(withHook.confirmLabel).toBe('Clean up now');
    const noHook = planFor('memory_cleanup', targets({ cleanup: null }));
    expect(noHook.target).toBe('no cleanup hook registered');
    expect(noHook.blocker).toBeNull();
    expect(noHook.steps[1]).toContain('a restart is proposed instead');
  });

  it('states sub-minute expiries in seconds', () => {
    expect(planFor('restart', targets({ approvalExpiryMinutes: 0.5 })).when).toContain('within 30 s');
  });
});
