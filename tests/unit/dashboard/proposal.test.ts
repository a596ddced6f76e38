import { describe, expect, it } from 'vitest';
import { nextAction, type NextActionContext } from '@/lib/dashboard/next-action';
import { capabilitiesOf } from '@/lib/remediation/capabilities';
import { approvalHref, firstPendingId, isStale, proposalLines, type ConsoleProposal, type OpenRemediationView } from '@/lib/dashboard/proposal';
import { overviewSummary, type SummarySubject } from '@/lib/dashboard/summary';
import type { PlanInput } from '@/lib/healing/remediation-plan';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import type { PredictionLevel } from '@/lib/healing/types';

const healthy: PlanInput = {
  metrics: { cpu_usage: 30, memory_usage: 50, error_rate: 0.01, latency_ms: 200 },
  failure_prediction: { probability: 0.02, chance_within_hour: 0.037, time_to_failure: '> 24 hours', level: 'low', recommended_action: 'Normal operation', reasons: [], minutes_to_failure: null, metric: null },
  memory_leak: { leak_detected: false, reason: 'flat', metric: 'memory_mb', points: 60, growth_per_hour: 0, r_squared: 0, rising_fraction: 0.5 },
  healing_triggers: [],
};
// The audit's inventory-sync: error_rate 9% over HEAL_ERROR_THRESH, prediction low.
const erroring: PlanInput = {
  ...healthy,
  metrics: { ...healthy.metrics, error_rate: 0.09 },
  healing_triggers: ['error_rate 9.0% exceeds HEAL_ERROR_THRESH 5.0%'],
};

/** The component's means, as the overview gathers them; `appliesStates: false` is what it says when nothing re-applies a state. */
type Means = { hasService: boolean; cleanupHook: boolean; recordedStates: number; appliesStates: boolean };
const ctx = ({ hasService = true, cleanupHook = true, recordedStates = 2, appliesStates = true, ...over }: Partial<NextActionContext & Means> = {}): NextActionContext => {
  const component = over.component ?? { environment: 'production', policy: 'default', renderServiceId: null };
  return {
    component,
    triggers: DEFAULT_HEALING_TRIGGERS,
    capabilities: capabilitiesOf(
      { name: 'checkout', renderServiceId: component.renderServiceId },
      { service: hasService, hook: cleanupHook, recordedStates, stateRefusal: appliesStates ? null : 'nothing can re-apply it', configVersions: 0 },
    ),
    paused: false,
    rejectedAt: () => null,
    rejectionSnoozeMs: 60 * 60_000,
    ...over,
  };
};

describe('nextAction: what the reconciler will propose, and what becomes of it', () => {
  it('nothing when no trigger fires and no leak is detected', () => {
    expect(nextAction(healthy, ctx())).toBeNull();
  });

  it('a rollback that waits for approval in production, runs at once in staging', () => {
    expect(nextAction(erroring, ctx())).toMatchObject({ action: 'rollback', params: { rollback_type: 'previous_state' }, outcome: 'approval' });
    expect(nextAction(erroring, ctx({ component: { environment: 'staging', policy: 'default', renderServiceId: 'srv-1' } }))).toMatchObject({
      action: 'rollback',
      params: { rollback_type: 'deployment' },
      outcome: 'automatic',
    });
  });

  it('a leak is cleaned automatically (low risk) even in production', () => {
    const leaking = { ...healthy, memory_leak: { ...healthy.memory_leak, leak_detected: true } };
    expect(nextAction(leaking, ctx())).toMatchObject({ action: 'memory_cleanup', outcome: 'automatic' });
  });

  it('follows the reconciler when a rollback cannot run: a restart instead, or nothing when nothing can act', () => {
    expect(nextAction(erroring, ctx({ recordedStates: 1 }))).toMatchObject({ action: 'restart', outcome: 'approval' });
    expect(nextAction(erroring, ctx({ appliesStates: false }))).toMatchObject({ action: 'restart', outcome: 'approval' });
    expect(nextAction(erroring, ctx({ recordedStates: 1, hasService: false }))).toBeNull();
    const hot = { ...healthy, metrics: { ...healthy.metrics, cpu_usage: 95 }, healing_triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'] };
    expect(nextAction(hot, ctx({ hasService: false }))).toMatchObject({ action: 'restart', outcome: 'unavailable', why: 'no Render service registered' });
    expect(nextAction(hot, ctx())).toMatchObject({ action: 'restart', outcome: 'approval' });
  });

  it('policy never refuses; a recent rejection snoozes until the snooze ends; a pause holds it', () => {
    expect(nextAction(erroring, ctx({ component: { environment: 'production', policy: 'never', renderServiceId: null } }))).toMatchObject({ outcome: 'refused' });
    const rejected = new Date('2026-01-01T10:00:00Z');
    expect(nextAction(erroring, ctx({ rejectedAt: (a) => (a === 'rollback' ? rejected : null) }))).toMatchObject({
      outcome: 'snoozed',
      until: '2026-01-01T11:00:00.000Z',
    });
    expect(nextAction(erroring, ctx({ paused: true }))).toMatchObject({ outcome: 'paused' });
  });
});

const open = (status: OpenRemediationView['status'], id = 'r-1'): OpenRemediationView => ({
  id,
  action: 'rollback',
  params: { rollback_type: 'deployment' },
  action_name: 'rollback (deployment)',
  status,
  risk: 'high',
  requested_by: 'reconciler',
  created_at: '2026-01-01T10:00:00.000Z',
  expires_at: null,
});
const proposal = (over: Partial<ConsoleProposal> = {}): ConsoleProposal => ({ recommended_action: 'Normal operation', next: null, open: [], ...over });

describe('proposalLines', () => {
  it('names an open request and links a pending one to its card in the approval queue', () => {
    expect(proposalLines(proposal({ open: [open('pending_approval')] }), false)).toEqual([
      { text: 'rollback (deployment) · waiting for approval', href: '/approvals#r-1', kind: 'active' },
    ]);
    expect(proposalLines(proposal({ open: [{ ...open('executing'), action: 'restart', params: {}, action_name: 'restart' }] }), false)).toEqual([
      { text: 'restart · executing', href: null, kind: 'active' },
    ]);
  });

  it('says what the next pass proposes and what becomes of it', () => {
    const next = { action: 'rollback' as const, params: { rollback_type: 'previous_state' as const }, action_name: 'rollback (previous_state)', reason: 'x', until: null, why: null };
    expect(proposalLines(proposal({ next: { ...next, outcome: 'approval' } }), false)[0]!.text).toBe('rollback (previous_state) · will ask for approval');
    expect(proposalLines(proposal({ next: { ...next, outcome: 'automatic' } }), false)[0]!.text).toBe('rollback (previous_state) · runs automatically');
    expect(proposalLines(proposal({ next: { ...next, outcome: 'refused', why: 'policy "never"' } }), false)[0]).toMatchObject({
      kind: 'hold',
      text: 'rollback (previous_state) · cannot run: policy "never"',
    });
    expect(proposalLines(proposal({ next: { ...next, outcome: 'unavailable', why: 'no previous state recorded' } }), false)[0]!.text).toBe(
      'rollback (previous_state) · cannot run: no previous state recorded',
    );
    expect(proposalLines(proposal({ next: { ...next, outcome: 'snoozed', until: '2026-01-01T11:00:00.000Z' } }), false)[0]!.text).toContain('not proposed before 11:00 UTC');
    // A stale check: the reconciler does not act on it.
    expect(proposalLines(proposal({ next: { ...next, outcome: 'approval' } }), true)[0]).toMatchObject({ kind: 'hold', text: expect.stringContaining('no fresh check') });
  });

  it("falls back to the card's recommended action", () => {
    expect(proposalLines(proposal({ recommended_action: 'Monitor closely' }), false)).toEqual([{ text: 'Monitor closely', href: null, kind: 'idle' }]);
  });

  it('finds the oldest pending request for the approvals link', () => {
    expect(firstPendingId(proposal({ open: [open('executing', 'a'), open('pending_approval', 'b'), open('pending_approval', 'c')] }))).toBe('b');
    expect(firstPendingId(proposal())).toBeNull();
    expect(approvalHref('x y')).toBe('/approvals#x%20y');
  });
});

describe('isStale', () => {
  it('is stale only past the reconciler evidence age', () => {
    const at = '2026-01-01T10:00:00.000Z';
    expect(isStale(at, Date.parse(at) + 300_000, 300)).toBe(false);
    expect(isStale(at, Date.parse(at) + 300_001, 300)).toBe(true);
  });
});

describe('overviewSummary', () => {
  const now = Date.parse('2026-01-01T10:00:00.000Z');
  const row = (level: PredictionLevel | null, extra: { triggers?: string[]; pending?: number; age?: number; score?: number } = {}): SummarySubject => ({
    name: 'x',
    environment: 'production',
    pending_approvals: extra.pending ?? 0,
    latest_health:
      level === null
        ? null
        : {
            health_score: extra.score ?? 100,
            failure_prediction: { level, probability: 0.5 },
            healing_triggers: extra.triggers ?? [],
            memory_leak: { leak_detected: false },
            breaches: [],
            checked_at: new Date(now - (extra.age ?? 1) * 1000).toISOString(),
          },
  });

  it('counts tiers, approvals waiting, stale checks and unchecked components', () => {
    const parts = overviewSummary(
      [
        row('critical', { triggers: ['Failure predicted within 1 hour (cpu_usage)'], pending: 1 }),
        row('high'),
        row('low', { triggers: ['error_rate 9.0% exceeds HEAL_ERROR_THRESH 5.0%'], pending: 1 }),
        row('low', { triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'] }),
        row('low', { age: 600 }),
        row(null),
      ],
      now,
      300,
    );
    expect(parts.map((p) => p.text).join(' · ')).toBe('1 critical · 2 triggered · 1 high · 2 awaiting approval · 1 stale · 1 not checked yet');
  });

  it('is empty when nothing needs attention', () => {
    expect(overviewSummary([row('low'), row('low')], now, 300)).toEqual([]);
  });

  it('counts a component known only from a healing alert as triggered (and still not checked)', () => {
    const alertOnly = { ...row(null), firing_alerts: [{ healing: true }] };
    expect(overviewSummary([alertOnly, row('low')], now, 300).map((p) => p.text)).toEqual(['1 triggered', '1 not checked yet']);
  });
});
