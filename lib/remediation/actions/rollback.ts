/**
 * rollback_component: back to the previous recorded runtime state, console
 * configuration, or Render deployment (`rollback_type`).
 */
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { configOf, upsertComponentConfig } from '@/db/queries/components';
import { configVersion, recentConfigs, recentStates, recordComponentState, recordedState } from '@/db/queries/component-history';
import type { Component, ComponentConfig, RemediationParams, RemediationTarget } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { ROUTING_FIELDS, routingChanges } from '@/lib/healing/risk';
import { REMEDIATION_BRAIN_ACTIONS, ROLLBACK_TYPES, type RollbackType } from '@/lib/healing/vocabulary';
import { stripUrlCredentials } from '@/db/url-credentials';
import { serviceIdSchema } from '@/lib/validation/remediation';
import { formatPlainValue } from '@/lib/format';
import type { ActionTargets } from '../action-targets';
import type { RefusalReason } from '../capabilities';
import { stateApplyRefusal } from '../executors';
import type { ActionDefinition, DialogText, RunContext, RunOutcome } from './definition';
import { reported } from './outcome';
import { noServiceError, resolveService, serviceIdFor, serviceTargetText } from './service';

const paramsSchema = z.strictObject({
  rollback_type: z.enum(ROLLBACK_TYPES, { error: `must be one of ${ROLLBACK_TYPES.join(', ')}` }),
  service_id: serviceIdSchema.optional(),
});

const typeOf = (params: RemediationParams): RollbackType => params.rollback_type ?? 'deployment';

const CHOICE_LABEL: Record<RollbackType, string> = {
  previous_state: 'Previous state — the runtime state recorded before the current one',
  config: 'Config — the console configuration before the last change',
  deployment: 'Deployment — the deploy before the live one',
};

/** A version id in the stored target (request time); undefined for rows recorded before targets were. */
function pinned(target: RemediationTarget, field: string): number | undefined {
  const value = target[field];
  return typeof value === 'number' ? value : undefined;
}

type Pinned<T> = { kind: 'restore'; current: T; previous: T } | { kind: 'moved'; now: number | undefined; then: number } | { kind: 'missing' };

/**
 * The current record (config version or runtime state) and the one to restore:
 * those the request pinned in its target (`fields`), else the two newest. When
 * another was recorded since the request, what the approver saw is gone: `moved`.
 */
async function pinnedPair<T extends { id: number }>(
  bound: RemediationTarget,
  fields: { restore: string; from: string },
  recent: () => Promise<T[]>,
  byId: (id: number) => Promise<T | undefined>,
): Promise<Pinned<T>> {
  const [current, latestPrevious] = await recent();
  const restoreId = pinned(bound, fields.restore);
  const from = pinned(bound, fields.from);
  if (from !== undefined && current?.id !== from) return { kind: 'moved', now: current?.id, then: from };
  const previous = restoreId === undefined ? latestPrevious : await byId(restoreId);
  return current && previous ? { kind: 'restore', current, previous } : { kind: 'missing' };
}

async function rollbackComponent({ db, component, params, executors, actor: actorName, target: bound }: RunContext): Promise<RunOutcome> {
  const type: RollbackType = params.rollback_type ?? 'deployment';
  const base = { component: component.name, rollback_type: type };
  const fail = (error: string, extra: Record<string, unknown> = {}): RunOutcome => ({
    success: false,
    error,
    result: { success: false, ...base, from_state: null, to_state: null, error, ...extra },
  });

  // What the approver saw is what runs: the stored versions, and only if nothing was recorded since.
  const refused = (what: string, pair: Exclude<Pinned<unknown>, { kind: 'restore' }>, missing = what) =>
    pair.kind === 'missing'
      ? fail(`no previous ${missing} recorded for ${component.name}`)
      : fail(`the ${what} of ${component.name} changed since this rollback was requested (now #${pair.now ?? 'none'}, then #${pair.then}); nothing restored — request it again`);

  if (type === 'config') {
    const pair = await pinnedPair(bound, { restore: 'config_version', from: 'from_config_version' }, () => recentConfigs(db, component.id, 2), (id) =>
      configVersion(db, component.id, id),
    );
    if (pair.kind !== 'restore') return refused('config', pair);
    const { previous } = pair;
    const restore = configToRestore(component, previous.config);
    if (!restore) {
      return fail(
        `the previous config of ${component.name} differs from the current one only in its policy, which a config rollback keeps (an admin sets it); nothing to restore`,
      );
    }
    const { component: restored } = await upsertComponentConfig(db, component.name, restore.changes, `rollback by ${actorName}`);
    return {
      success: true,
      error: null,
      result: {
        success: true,
        ...base,
        from_state: configOf(component),
        to_state: configOf(restored),
        message: ['Previous configuration restored (policy kept)', ...restore.notes].join('; '),
      },
    };
  }

  if (type === 'previous_state') {
    const pair = await pinnedPair(bound, { restore: 'state_id', from: 'from_state_id' }, () => recentStates(db, component.id, 2), (id) =>
      recordedState(db, component.id, id),
    );
    if (pair.kind !== 'restore') return refused('recorded state', pair, 'state');
    const { current, previous } = pair;
    const applier = executors.applyState(component, previous.state);
    if (!applier) return fail(cannotApplyState(component, previous.state));
    const outcome = await applier.apply();
    const error = outcome.success ? null : (outcome.error ?? outcome.message);
    const extra = {
      executor: applier.kind,
      ...(applier.serviceId && { service_id: applier.serviceId }),
      status_code: outcome.status_code,
      attempts: outcome.attempts,
      ...(outcome.auto_deploy_disabled !== undefined && { auto_deploy_disabled: outcome.auto_deploy_disabled }),
    };
    if (!outcome.success) return fail(error!, { from_state: current.state, to_state: previous.state, ...extra });
    await recordComponentState(db, component.id, previous.state, `rollback by ${actorName}`);
    return {
      success: true,
      error: null,
      result: { success: true, ...base, from_state: current.state, to_state: previous.state, message: outcome.message, ...extra },
    };
  }

  const target = executors.service(component, serviceIdFor(params, bound));
  if (!target) return fail(noServiceError(component));
  const outcome = await target.executor.rollbackDeployment(target.serviceId);
  const from = outcome.from_deploy && { deploy_id: outcome.from_deploy.id, commit: outcome.from_deploy.commit ?? null, service_id: target.serviceId };
  const to = outcome.to_deploy && { deploy_id: outcome.to_deploy.id, commit: outcome.to_deploy.commit ?? null, service_id: target.serviceId };
  if (outcome.success && to) {
    // Both ends, so a later `previous_state` rollback can return to the deploy this one left
    // (the from-state only when it is not already the newest recorded state).
    const [newest] = await recentStates(db, component.id, 1);
    if (from && !sameDeploy(newest?.state, from)) await recordComponentState(db, component.id, from, `observed before rollback by ${actorName}`);
    await recordComponentState(db, component.id, to, `rollback by ${actorName}`);
  }
  return reported(outcome, {
    ...base,
    service_id: target.serviceId,
    from_state: from,
    to_state: to,
    // An API rollback leaves auto-deploy on; the next push would undo it (see lib/executors/render.ts).
    auto_deploy_disabled: outcome.auto_deploy_disabled,
    attempts: outcome.attempts,
    executor: target.executor.kind,
  });
}

const sameDeploy = (state: Record<string, unknown> | undefined, deploy: { deploy_id: string; service_id: string }) =>
  state !== undefined && state.deploy_id === deploy.deploy_id && (state.service_id ?? deploy.service_id) === deploy.service_id;

/** Why a recorded state cannot be re-applied: the default registry's reason when it has one. */
export function cannotApplyState(component: Component, state: Record<string, unknown>): string {
  return (
    stateApplyRefusal(component, state) ??
    `no executor can re-apply a recorded state of ${component.name}; use rollback_type "deployment" for a Render service`
  );
}

/** The preconditions passed (lib/remediation/capabilities.ts) but what they saw is gone: ask again. */
const changedMeanwhile = (component: Component) =>
  new DomainError('conflict', `what a rollback of ${component.name} would restore changed while it was being requested; request it again`);

/** What it restores, once checkPreconditions passed. */
async function resolveTarget(db: Db, component: Component, params: RemediationParams, executors: RunContext['executors']): Promise<RemediationTarget> {
  const type = typeOf(params);
  if (type === 'previous_state') {
    const [current, previous] = await recentStates(db, component.id, 2);
    const applier = previous && executors.applyState(component, previous.state);
    if (!current || !previous || !applier) throw changedMeanwhile(component);
    return {
      rollback_type: type,
      state_id: previous.id,
      from_state_id: current.id,
      deploy_id: typeof previous.state.deploy_id === 'string' ? previous.state.deploy_id : null,
      service_id: applier.serviceId ?? null,
      executor: applier.kind,
    };
  }
  if (type === 'config') {
    const [current, previous] = await recentConfigs(db, component.id, 2);
    if (!current || !previous) throw changedMeanwhile(component);
    return { rollback_type: type, config_version: previous.id, from_config_version: current.id };
  }
  return { rollback_type: type, ...resolveService(component, params, executors) };
}

function describe(t: ActionTargets, params: RemediationParams, refusal: RefusalReason | null): DialogText {
  const name = t.component.name;
  const type = params.rollback_type ?? 'previous_state';
  const target = type === 'config' ? 'the console’s configuration of the component' : serviceTargetText(t);
  switch (type) {
    case 'previous_state':
      if (refusal === 'no_state' || !t.previousState) return { steps: [], target, blocker: `No previous state is recorded for ${name}.` };
      if (refusal === 'state_not_applicable') {
        return { steps: [], target, blocker: `Nothing can re-apply the recorded state of ${name} (it names no Render deploy); use a deployment rollback.` };
      }
      return {
        steps: [
          `Restores the state recorded before the current one: ${formatPlainValue(t.previousState.from)} → ${formatPlainValue(t.previousState.to)}.`,
          t.service?.kind === 'simulator'
            ? 'The demo simulator applies it to the simulated service.'
            : `The console rolls ${t.service ? `Render service ${t.service.serviceId}` : 'the service'} back to the deploy that state names (POST /rollback) and turns auto-deploy off so the next push does not undo it.`,
        ],
        target,
        blocker: null,
      };
    case 'config': {
      const previous = t.previousConfig;
      if (refusal === 'no_config' || !previous) return { steps: [], target, blocker: `No previous configuration is recorded for ${name}.` };
      const changes = previous.changes.length
        ? previous.changes.map((c) => `${c.field}: ${formatPlainValue(c.from)} → ${formatPlainValue(c.to)}`).join('; ')
        : 'no field differs from the current configuration';
      return { steps: [`Restores ${name}’s console configuration as ${previous.changedBy} left it (${changes}).`], target, blocker: null };
    }
    case 'deployment':
      if (refusal === 'no_service' || !t.service) {
        return { steps: [], target, blocker: `${name} has no Render service registered (render_service_id), so there is no deployment to roll back.` };
      }
      return {
        steps: [
          t.service.kind === 'simulator'
            ? `The demo simulator rolls ${t.service.serviceId} back to its previous deploy.`
            : `The console asks Render for the deploys of ${t.service.serviceId}, rolls back to the one before the live deploy (POST /services/${t.service.serviceId}/rollback) and turns auto-deploy off so the next push does not undo it.`,
        ],
        target,
        blocker: null,
      };
  }
}

export const rollback = {
  name: 'rollback',
  label: 'Rollback',
  verb: 'Roll back',
  confirmNow: 'Roll back now',
  noun: 'rollback',
  brainAction: REMEDIATION_BRAIN_ACTIONS.rollback,
  activityFields: ['rollback_type', 'message', 'error', 'remediation_id'],
  disruptive: true,
  needs: (params) => {
    const type = typeOf(params);
    return { service: type === 'deployment', hook: false, history: type !== 'deployment' };
  },
  route: 'rollback',
  apiDescription: 'rollback_component: `rollback_type` previous_state | config | deployment; `service_id` for a deployment rollback of another service.',
  paramsSchema,
  browserParamsSchema: paramsSchema.omit({ service_id: true }),
  bodyRequired: true,
  requestedAs: (params) => `${typeOf(params)} rollback`,
  toParams: (body) => ({ rollback_type: body.rollback_type, service_id: body.service_id ?? null }),
  title: (params) => (params.rollback_type ? `Rollback (${params.rollback_type})` : 'Rollback'),
  describeParams: (params) => (params.rollback_type ? `rollback (${params.rollback_type})` : 'rollback'),
  aimsAtService: (params) => typeOf(params) !== 'config',
  async riskContext(db, component, params) {
    if (params.rollback_type !== 'config') return {};
    const [current, previous] = await recentConfigs(db, component.id, 2);
    if (!current || !previous) return {};
    // The policy is kept by a config rollback (it is an admin setting), so it is not compared.
    return { rewritesRouting: routingChanges(current.config, { ...previous.config, policy: undefined }) };
  },
  dialogRiskContext(t, params) {
    if (params.rollback_type !== 'config') return {};
    // The dialog lists the restored fields; the policy is kept, so it never counts.
    const restored = (t.previousConfig?.changes ?? []).map((c) => c.field);
    return { rewritesRouting: ROUTING_FIELDS.filter((f) => f !== 'policy' && restored.includes(f)) };
  },
  resolveTarget,
  run: rollbackComponent,
  dialogChoices: {
    legend: 'Roll back to',
    field: 'rollback_type',
    options: ROLLBACK_TYPES.map((type) => ({ value: type, label: CHOICE_LABEL[type], params: { rollback_type: type } })),
  },
  describe,
} satisfies ActionDefinition<typeof paramsSchema>;

/**
 * What a `config` rollback writes: the previous version, except
 *   - `policy`, an admin setting (SPEC §6: PUT with `policy` needs the admin
 *     role), while an operator may request a rollback — the current policy stays;
 *   - `cleanup_url` when the previous one is the current one: the history keeps
 *     URLs without credentials (lib/url-credentials.ts), the component keeps its own.
 * Null when that leaves nothing to change.
 */
export function configToRestore(
  component: Component,
  previous: ComponentConfig,
): { changes: Partial<ComponentConfig>; notes: string[] } | null {
  const current = configOf(component);
  const { policy: _policy, cleanup_url: previousUrl = null, ...rest } = previous;
  const changes: Partial<ComponentConfig> = { ...rest };
  const notes: string[] = [];
  if (stripUrlCredentials(previousUrl) !== current.cleanup_url) {
    changes.cleanup_url = previousUrl;
    if (previousUrl !== null) notes.push('cleanup_url restored as recorded, without credentials: set it again if the hook needs them');
  }
  const unchanged = differingConfigFields(changes, current, Object.keys(changes) as (keyof ComponentConfig)[]).length === 0;
  return unchanged ? null : { changes, notes };
}

/**
 * The fields whose values differ between two configurations (all fields either
 * has, or `fields`), ignoring key order inside nested values such as thresholds.
 * The one comparison behind what a config rollback restores and what its dialog lists.
 */
export function differingConfigFields(
  a: Partial<ComponentConfig>,
  b: Partial<ComponentConfig>,
  fields: (keyof ComponentConfig)[] = Object.keys({ ...a, ...b }) as (keyof ComponentConfig)[],
): (keyof ComponentConfig)[] {
  return fields.filter((field) => stableJson(a[field] ?? null) !== stableJson(b[field] ?? null));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
