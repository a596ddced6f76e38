/**
 * The words of a manual action's confirmation dialog: what will happen, to
 * which service, whether it runs now or waits for an approver, and what would
 * stop it. Worked out on the server from the targets and the action's registry
 * definition (its steps, its target); the risk is the same riskFor() that
 * requestRemediation applies. The client dialog receives the result as props.
 */
import 'server-only';
import type { RemediationAction, RemediationParams } from '@/db/schema';
import { riskFor, type RiskDecision } from '@/lib/healing/risk';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { ACTION_LIST, actionOf } from '@/lib/remediation/actions';
import { capabilitiesOfTargets, refusalFor } from '@/lib/remediation/capabilities';
import { formatDurationMinutes } from '@/lib/format';

export interface ActionPlan {
  title: string;
  /** What confirming does, step by step. */
  steps: string[];
  /** The service acted on, in words: a Render id, "simulated …", or "no service registered". */
  target: string;
  risk: RiskDecision;
  /** Runs at once, waits in the approval queue, or is refused by the policy. */
  when: string;
  /** Why it cannot be requested at all (nothing to act on, policy "never"); null when it can. */
  blocker: string | null;
  confirmLabel: string;
}

/** One action as its button and dialog show it: a plan per variant (rollback type), the first runnable one chosen. */
export interface ManualActionView {
  action: RemediationAction;
  label: string;
  choices: { value: string; label: string; params: RemediationParams; plan: ActionPlan }[];
  /** The radio group's legend and name, when there is more than one choice. */
  choicesLegend: string;
  choicesName: string;
  /** The choice the dialog opens on. */
  initial: string;
}

export function planFor(action: RemediationAction, targets: ActionTargets, params: RemediationParams = {}): ActionPlan {
  const definition = actionOf(action);
  const { component } = targets;
  const risk = riskFor(definition, component, definition.dialogRiskContext(targets, params));
  const refusal = refusalFor(action, params, capabilitiesOfTargets(targets));
  const { steps, blocker: nothingToActOn, target } = definition.describe(targets, params, refusal?.reason ?? null);
  const cooldown = `Once it runs, another ${definition.noun} of ${component.name} is held back for ${formatDurationMinutes(targets.cooldownMinutes)} (cooldown).`;
  const when = !risk.allowed
    ? `Refused: ${risk.why}.`
    : risk.risk === 'high'
      ? `It does not run now: it goes to the approval queue, where another approver must approve it within ${formatDurationMinutes(targets.approvalExpiryMinutes)}, or it expires and never runs.`
      : 'It runs as soon as you confirm.';
  return {
    title: `${definition.verb} ${component.name}?`,
    steps: [...steps, ...(risk.allowed && !nothingToActOn ? [cooldown] : [])],
    target,
    risk,
    when,
    blocker: nothingToActOn ?? (risk.allowed ? null : `The remediation policy of ${component.name} is "never".`),
    confirmLabel: !risk.allowed ? 'Refused' : risk.risk === 'high' ? 'Request approval' : definition.confirmNow,
  };
}

/** Every registered action with its dialog, for the component page's buttons. */
export function manualActions(targets: ActionTargets): ManualActionView[] {
  return ACTION_LIST.map((definition) => {
    const { legend, field, options } = definition.dialogChoices;
    const choices = options.map((choice) => ({ ...choice, plan: planFor(definition.name, targets, choice.params) }));
    const runnable = choices.find((choice) => choice.plan.blocker === null) ?? choices[0]!;
    return { action: definition.name, label: definition.label, choices, initial: runnable.value, choicesLegend: legend, choicesName: field };
  });
}
