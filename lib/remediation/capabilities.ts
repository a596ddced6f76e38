/**
 * The one place that says whether an action can run on a component, and why
 * not. Every caller — the request path and the approval (lib/remediation/
 * request.ts, decide.ts), the reconciler, the overview's "next action", the
 * predictions page and the confirmation dialogs — builds the component's
 * capabilities from the facts it has and asks refusalFor(); none restates a rule.
 * Pure: gathering the facts (executors, recorded history) is the caller's job
 * (factsOf below for one component).
 */
import 'server-only';
import type { Db } from '@/db/client';
import { configCounts, recentConfigs, recentStates, recentStatesPerComponent } from '@/db/queries/component-history';
import type { Component, ComponentState } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import type { PlanCapabilities } from '@/lib/healing/remediation-plan';
import type { RemediationAction, RemediationParams } from '@/lib/healing/vocabulary';
import { actionOf } from './actions';
import { cannotApplyState } from './actions/rollback';
import type { ActionTargets } from './action-targets';
import type { ExecutorRegistry } from './types';

/** What is known about a component's means: gathered by the caller, from the executors and the recorded history. */
export interface CapabilityFacts {
  /** A service to restart / roll back (Render, or the demo simulator). */
  service: boolean;
  /** A memory-cleanup hook. */
  hook: boolean;
  /** Runtime states recorded (a previous_state rollback needs two). */
  recordedStates: number;
  /** Why the previous recorded state cannot be re-applied; null when something can. */
  stateRefusal: string | null;
  /** Config versions recorded (a config rollback needs two). */
  configVersions: number;
}

export interface Capabilities extends CapabilityFacts {
  component: string;
  renderServiceId: string | null;
  /** The most instances a scale may ask for (an admin's); null: never scaled. */
  maxInstances: number | null;
}

export function capabilitiesOf(
  component: Pick<Component, 'name' | 'renderServiceId'> & Partial<Pick<Component, 'maxInstances'>>,
  facts: CapabilityFacts,
): Capabilities {
  return { component: component.name, renderServiceId: component.renderServiceId, maxInstances: component.maxInstances ?? null, ...facts };
}

/** Why an action cannot run: the domain error a request gets, and a few words for the overview. */
export type RefusalReason = 'no_service' | 'no_config' | 'no_state' | 'state_not_applicable' | 'no_max_instances' | 'over_max_instances';

export interface Refusal {
  /** Which rule refused it: the dialogs word it their own way (an action's describe()). */
  reason: RefusalReason;
  error: DomainError;
  /** "no Render service registered": the overview's "cannot run: …". */
  short: string;
}

export function refusalFor(action: RemediationAction, params: RemediationParams, c: Capabilities): Refusal | null {
  const needs = actionOf(action).needs(params);
  if (needs.service && !c.service) {
    return {
      reason: 'no_service',
      short: 'no Render service registered',
      error: new DomainError('validation_failed', `service_id: no Render service id given and none registered for ${c.component}`, {
        issues: [{ field: 'service_id', message: `required: ${c.component} has no render_service_id` }],
      }),
    };
  }
  if (needs.instances && c.maxInstances === null) {
    return {
      reason: 'no_max_instances',
      short: 'no max_instances set',
      error: new DomainError('conflict', `${c.component} has no max_instances: an admin sets how many instances a scale may ask for before the console scales it`),
    };
  }
  // A relative scale (`by`) is checked against the count it reads when it runs (the action's runner).
  if (needs.instances && c.maxInstances !== null && params.num_instances !== undefined && params.num_instances > c.maxInstances) {
    return {
      reason: 'over_max_instances',
      short: `more than max_instances ${c.maxInstances}`,
      error: new DomainError('validation_failed', `num_instances: ${params.num_instances} is more than ${c.component}’s max_instances (${c.maxInstances})`, {
        issues: [{ field: 'num_instances', message: `must be ≤ max_instances (${c.maxInstances})` }],
      }),
    };
  }
  if (needs.history && params.rollback_type === 'config' && c.configVersions < 2) {
    return { reason: 'no_config', short: 'no previous config recorded', error: new DomainError('conflict', `no previous config recorded for ${c.component}`) };
  }
  if (needs.history && params.rollback_type !== 'config') {
    if (c.recordedStates < 2) {
      return { reason: 'no_state', short: 'no previous state recorded', error: new DomainError('conflict', `no previous state recorded for ${c.component}`) };
    }
    if (c.stateRefusal) return { reason: 'state_not_applicable', short: 'nothing can re-apply the previous state', error: new DomainError('conflict', c.stateRefusal) };
  }
  return null;
}

/** The facts from the executors and what is recorded: the newest states (newest first, two suffice) and how many config versions. */
function factsFrom(
  component: Component,
  executors: ExecutorRegistry,
  recorded: { states: ComponentState[]; configVersions: number },
  requestedServiceId: string | null,
): CapabilityFacts {
  const previous = recorded.states[1];
  return {
    service: executors.service(component, requestedServiceId) !== null,
    hook: executors.cleanup(component) !== null,
    recordedStates: recorded.states.length,
    stateRefusal: previous && !executors.applyState(component, previous.state) ? cannotApplyState(component, previous.state) : null,
    configVersions: recorded.configVersions,
  };
}

/** The facts of one component, from its executors and its recorded history. */
export async function factsOf(db: Db, component: Component, executors: ExecutorRegistry, requestedServiceId: string | null = null): Promise<CapabilityFacts> {
  const [states, configs] = await Promise.all([recentStates(db, component.id, 2), recentConfigs(db, component.id, 2)]);
  return factsFrom(component, executors, { states, configVersions: configs.length }, requestedServiceId);
}

/** The same facts for many components at once (the overview), in two queries whatever their number. Keyed by component id. */
export async function factsOfAll(db: Db, all: Component[], executors: ExecutorRegistry): Promise<Map<string, CapabilityFacts>> {
  const [states, configs] = await Promise.all([recentStatesPerComponent(db, 2), configCounts(db)]);
  return new Map(
    all.map((c) => [c.id, factsFrom(c, executors, { states: states.get(c.id) ?? [], configVersions: Math.min(configs.get(c.id) ?? 0, 2) }, null)]),
  );
}

/** Throws the refusal when the action cannot run (the request and the approval path). */
export async function checkPreconditions(
  db: Db,
  component: Component,
  action: RemediationAction,
  params: RemediationParams,
  executors: ExecutorRegistry,
): Promise<void> {
  const refusal = refusalFor(action, params, capabilitiesOf(component, await factsOf(db, component, executors, params.service_id ?? null)));
  if (refusal) throw refusal.error;
}

/** The capabilities the confirmation dialog's targets show (lib/remediation/action-targets.ts). */
export function capabilitiesOfTargets(t: ActionTargets): Capabilities {
  return capabilitiesOf(
    { name: t.component.name, renderServiceId: t.service?.kind === 'render' ? t.service.serviceId : null, maxInstances: t.component.maxInstances },
    {
      service: t.service !== null,
      hook: t.cleanup !== null,
      recordedStates: t.previousState ? 2 : 0,
      stateRefusal: t.canApplyState ? null : `nothing can re-apply the recorded state of ${t.component.name}`,
      configVersions: t.previousConfig ? 2 : 0,
    },
  );
}

/** What the plan may propose, from the same capabilities (lib/healing/remediation-plan.ts). */
export function planCapabilities(c: Capabilities): PlanCapabilities {
  return {
    cleanupHook: c.hook,
    renderServiceId: c.renderServiceId,
    // A previous_state rollback is proposed only when it would not be refused.
    stateRollback: refusalFor('rollback', { rollback_type: 'previous_state' }, c) === null,
    restartable: refusalFor('restart', {}, c) === null,
    scalable: refusalFor('scale', { by: 1 }, c) === null,
  };
}
