/**
 * The words of a manual action's confirmation dialog: what will happen, to
 * which service, whether it runs now or waits for an approver, and what would
 * stop it. Pure, from the targets the server worked out; the risk is the same
 * riskFor() that requestRemediation applies.
 */
import type { RollbackType } from '@/db/schema';
import { riskFor, ROUTING_FIELDS, type RiskDecision } from '@/lib/healing/risk';
import type { ActionTargets } from './action-targets';
import { formatMinutes, formatValue } from './format';

export type ManualAction = 'restart' | 'rollback' | 'memory_cleanup';

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

const ACTION_NAME: Record<ManualAction, string> = { restart: 'Restart', rollback: 'Roll back', memory_cleanup: 'Clean up memory of' };

function serviceTarget(t: ActionTargets): string {
  if (!t.service) return 'no service registered';
  return t.service.kind === 'simulator'
    ? `simulated service ${t.service.serviceId} (demo simulator)`
    : `Render service ${t.service.serviceId}`;
}

function cleanupTargetText(t: ActionTargets): string {
  if (!t.cleanup) return 'no cleanup hook registered';
  if (t.cleanup.kind === 'simulator') return 'simulated cleanup (demo simulator)';
  if (t.cleanup.kind === 'in-process') return 'the console’s own process (in-process)';
  return `cleanup hook ${t.cleanup.url}`;
}

function restartSteps(t: ActionTargets): { steps: string[]; blocker: string | null } {
  const name = t.component.name;
  if (!t.service) {
    return { steps: [], blocker: `${name} has no Render service registered (render_service_id), so there is nothing to restart.` };
  }
  return {
    steps: [
      t.service.kind === 'simulator'
        ? `The demo simulator restarts ${t.service.serviceId}; ${name}’s next samples come from the restarted service.`
        : `The console calls Render: POST /services/${t.service.serviceId}/restart (retried on 429 and 5xx).`,
    ],
    blocker: null,
  };
}

function rollbackSteps(t: ActionTargets, type: RollbackType): { steps: string[]; blocker: string | null } {
  const name = t.component.name;
  switch (type) {
    case 'previous_state':
      if (!t.previousState) return { steps: [], blocker: `No previous state is recorded for ${name}.` };
      if (!t.canApplyState) {
        return { steps: [], blocker: `Nothing can re-apply the recorded state of ${name} (it names no Render deploy); use a deployment rollback.` };
      }
      return {
        steps: [
          `Restores the state recorded before the current one: ${formatValue(t.previousState.from)} → ${formatValue(t.previousState.to)}.`,
          t.service?.kind === 'simulator'
            ? 'The demo simulator applies it to the simulated service.'
            : `The console rolls ${t.service ? `Render service ${t.service.serviceId}` : 'the service'} back to the deploy that state names (POST /rollback) and turns auto-deploy off so the next push does not undo it.`,
        ],
        blocker: null,
      };
    case 'config': {
      const previous = t.previousConfig;
      if (!previous) return { steps: [], blocker: `No previous configuration is recorded for ${name}.` };
      const changes = previous.changes.length
        ? previous.changes.map((c) => `${c.field}: ${formatValue(c.from)} → ${formatValue(c.to)}`).join('; ')
        : 'no field differs from the current configuration';
      return {
        steps: [`Restores ${name}’s console configuration as ${previous.changedBy} left it (${changes}).`],
        blocker: null,
      };
    }
    case 'deployment':
      if (!t.service) {
        return { steps: [], blocker: `${name} has no Render service registered (render_service_id), so there is no deployment to roll back.` };
      }
      return {
        steps: [
          t.service.kind === 'simulator'
            ? `The demo simulator rolls ${t.service.serviceId} back to its previous deploy.`
            : `The console asks Render for the deploys of ${t.service.serviceId}, rolls back to the one before the live deploy (POST /services/${t.service.serviceId}/rollback) and turns auto-deploy off so the next push does not undo it.`,
        ],
        blocker: null,
      };
  }
}

function cleanupSteps(t: ActionTargets): { steps: string[]; blocker: string | null } {
  const judge = `First judges ${t.component.name}’s memory over the last 60 minutes; nothing is cleaned unless a leak is detected.`;
  if (!t.cleanup) {
    return {
      steps: [judge, 'No cleanup hook is registered: if a leak is found, a restart is proposed instead, under the same rules (it may need an approver).'],
      blocker: null,
    };
  }
  return { steps: [judge, `A detected leak is cleaned by ${cleanupTargetText(t)}.`], blocker: null };
}

export function planFor(action: ManualAction, targets: ActionTargets, rollbackType: RollbackType = 'previous_state'): ActionPlan {
  const { component } = targets;
  const restoredFields = action === 'rollback' && rollbackType === 'config' ? (targets.previousConfig?.changes ?? []).map((c) => c.field) : [];
  // The same rule as the server: a config rollback that re-routes the component needs an approver.
  const rewritesRouting = ROUTING_FIELDS.filter((f) => f !== 'policy' && restoredFields.includes(f));
  const risk = riskFor(action, component, { rewritesRouting });
  const { steps, blocker: nothingToActOn } =
    action === 'restart' ? restartSteps(targets) : action === 'rollback' ? rollbackSteps(targets, rollbackType) : cleanupSteps(targets);
  const cooldown = `Once it runs, another ${action === 'memory_cleanup' ? 'cleanup' : action} of ${component.name} is held back for ${formatMinutes(targets.cooldownMinutes)} (cooldown).`;
  const when = !risk.allowed
    ? `Refused: ${risk.why}.`
    : risk.risk === 'high'
      ? `It does not run now: it goes to the approval queue, where another approver must approve it within ${formatMinutes(targets.approvalExpiryMinutes)}, or it expires and never runs.`
      : 'It runs as soon as you confirm.';
  return {
    title: `${ACTION_NAME[action]} ${component.name}?`,
    steps: [...steps, ...(risk.allowed && !nothingToActOn ? [cooldown] : [])],
    target: action === 'memory_cleanup' ? cleanupTargetText(targets) : action === 'rollback' && rollbackType === 'config' ? 'the console’s configuration of the component' : serviceTarget(targets),
    risk,
    when,
    blocker: nothingToActOn ?? (risk.allowed ? null : `The remediation policy of ${component.name} is "never".`),
    confirmLabel: !risk.allowed ? 'Refused' : risk.risk === 'high' ? 'Request approval' : `${action === 'memory_cleanup' ? 'Clean up' : ACTION_NAME[action]} now`,
  };
}
