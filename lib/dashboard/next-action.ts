/**
 * What the reconciler will propose for a component's latest check, and what
 * will become of it — the same rules it applies (lib/healing/remediation-plan.ts
 * for the action, lib/healing/risk.ts for approval), so the pages say what the
 * console is about to do before it does it. Pure (given the capabilities).
 *
 * Also its preconditions, asked of lib/remediation/capabilities.ts like every other path. Not foreseen here: the cooldown and hourly cap (they depend on
 * executions the moment the reconciler acts) — the approval queue and the
 * activity log say when those held an action back.
 */
import type { RemediationAction, RemediationPolicy } from '@/db/schema';
import { planRemediation, type AlertTrigger, type PlanInput } from '@/lib/healing/remediation-plan';
import { riskFor } from '@/lib/healing/risk';
import { actionOf } from '@/lib/remediation/actions';
import { planCapabilities, refusalFor, type Capabilities } from '@/lib/remediation/capabilities';
import type { HealingTriggers } from '@/lib/healing/types';
import type { NextAction } from './proposal';

export interface NextActionContext {
  component: { environment: string; policy: RemediationPolicy; renderServiceId: string | null };
  triggers: HealingTriggers;
  /** What can run on it (lib/remediation/capabilities.ts): the same check the request path applies. */
  capabilities: Capabilities;
  /** Automatic remediation paused by an admin. */
  paused: boolean;
  /** When a person last rejected this action for this component within the snooze, if they did. */
  rejectedAt: (action: RemediationAction) => Date | null;
  rejectionSnoozeMs: number;
  /** Firing alerts at a healing severity: triggers, as for the reconciler. */
  alerts?: readonly AlertTrigger[];
}

export function nextAction(report: PlanInput | null, ctx: NextActionContext): NextAction | null {
  const plan = planRemediation(report, ctx.triggers, planCapabilities(ctx.capabilities), ctx.alerts);
  if (!plan) return null;
  const definition = actionOf(plan.action);
  const base = { action: plan.action, params: plan.params, action_name: definition.describeParams(plan.params), reason: plan.reason, until: null, why: null };
  const risk = riskFor(definition, ctx.component);
  if (!risk.allowed) return { ...base, outcome: 'refused', why: 'policy "never"' };
  const refusal = refusalFor(plan.action, plan.params, ctx.capabilities);
  if (refusal) return { ...base, outcome: 'unavailable', why: refusal.short };
  const rejected = ctx.rejectedAt(plan.action);
  if (rejected) return { ...base, outcome: 'snoozed', until: new Date(rejected.getTime() + ctx.rejectionSnoozeMs).toISOString() };
  if (ctx.paused) return { ...base, outcome: 'paused' };
  return { ...base, outcome: risk.risk === 'high' ? 'approval' : 'automatic' };
}
