/**
 * What the reconciler will propose for a component's latest check, and what
 * will become of it — the same rules it applies (lib/healing/remediation-plan.ts
 * for the action, lib/healing/risk.ts for approval), so the pages say what the
 * console is about to do before it does it. Pure.
 *
 * Also its preconditions (lib/remediation/request.ts): a restart or deployment
 * rollback needs a service to act on, a previous_state rollback two recorded
 * states. Not foreseen here: the cooldown and hourly cap (they depend on
 * executions the moment the reconciler acts) — the approval queue and the
 * activity log say when those held an action back.
 */
import type { RemediationAction, RemediationPolicy } from '@/db/schema';
import { planRemediation, type PlanInput } from '@/lib/healing/remediation-plan';
import { riskFor } from '@/lib/healing/risk';
import { actionOf } from '@/lib/remediation/actions';
import type { HealingTriggers } from '@/lib/healing/types';
import type { NextAction } from './proposal';

export interface NextActionContext {
  component: { environment: string; policy: RemediationPolicy; renderServiceId: string | null };
  triggers: HealingTriggers;
  /** Whether the component has a memory-cleanup hook (else a leak gets a restart). */
  cleanupHook: boolean;
  /** Whether a restart / deployment rollback has a service to act on (Render, or the demo simulator). */
  hasService: boolean;
  /** Whether something can re-apply a recorded state of the component (the demo simulator). */
  appliesStates: boolean;
  /** Runtime states recorded for the component (a previous_state rollback needs two). */
  recordedStates: number;
  /** Automatic remediation paused by an admin. */
  paused: boolean;
  /** When a person last rejected this action for this component within the snooze, if they did. */
  rejectedAt: (action: RemediationAction) => Date | null;
  rejectionSnoozeMs: number;
}

export function nextAction(report: PlanInput, ctx: NextActionContext): NextAction | null {
  const plan = planRemediation(report, ctx.triggers, {
    cleanupHook: ctx.cleanupHook,
    renderServiceId: ctx.component.renderServiceId,
    // The plan asks this only of components without a Render service, whose states only the simulator re-applies.
    stateRollback: ctx.appliesStates && ctx.recordedStates >= 2,
    restartable: ctx.hasService,
  });
  if (!plan) return null;
  const definition = actionOf(plan.action);
  const base = { action: plan.action, params: plan.params, action_name: definition.describeParams(plan.params), reason: plan.reason, until: null, why: null };
  const risk = riskFor(definition, ctx.component);
  if (!risk.allowed) return { ...base, outcome: 'refused', why: 'policy "never"' };
  const needsService = definition.needs(plan.params).service;
  if (needsService && !ctx.hasService) return { ...base, outcome: 'unavailable', why: 'no Render service registered' };
  if (plan.action === 'rollback' && plan.params.rollback_type === 'previous_state' && ctx.recordedStates < 2) {
    return { ...base, outcome: 'unavailable', why: 'no previous state recorded' };
  }
  const rejected = ctx.rejectedAt(plan.action);
  if (rejected) return { ...base, outcome: 'snoozed', until: new Date(rejected.getTime() + ctx.rejectionSnoozeMs).toISOString() };
  if (ctx.paused) return { ...base, outcome: 'paused' };
  return { ...base, outcome: risk.risk === 'high' ? 'approval' : 'automatic' };
}
