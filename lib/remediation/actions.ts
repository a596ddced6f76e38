/**
 * The three healing actions, each returning the reference card's shape:
 * restart_service_via_render, rollback_component, detect_and_cleanup_memory_leaks.
 * They act through the executor registry and the database; the caller
 * (execute.ts) records the outcome in `remediations` and `unified_brain`.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { configOf, upsertComponentConfig } from '@/db/queries/components';
import { configVersion, recentConfigs, recentStates, recordComponentState, recordedState } from '@/db/queries/component-history';
import { samplesInWindow } from '@/db/queries/metrics';
import type { Component, ComponentConfig, RemediationParams, RemediationTarget, RollbackType } from '@/db/schema';
import { detectMemoryLeak, LEAK_MAX_SAMPLES, LEAK_WINDOW_MINUTES } from '@/lib/healing/leak';
import { toMetricSample } from '@/lib/services/health-check';
import { stripUrlCredentials } from '@/db/url-credentials';
import { stateApplyRefusal } from './executors';
import type { ActionOutcome, ExecutorRegistry } from './types';

/** A version id in the stored target (request time); undefined for rows recorded before targets were. */
function pinned(target: RemediationTarget, field: string): number | undefined {
  const value = target[field];
  return typeof value === 'number' ? value : undefined;
}

/** The service the request was bound to (its stored target), else what the params name. */
const serviceIdFor = (params: RemediationParams, target: RemediationTarget) =>
  (typeof target.service_id === 'string' ? target.service_id : undefined) ?? params.service_id ?? null;

export async function restartService(
  component: Component,
  params: RemediationParams,
  executors: ExecutorRegistry,
  bound: RemediationTarget = {},
): Promise<ActionOutcome> {
  const target = executors.service(component, serviceIdFor(params, bound));
  if (!target) {
    const error = `no Render service id for ${component.name}: pass service_id or register render_service_id`;
    return { success: false, error, result: { success: false, service_id: null, component: component.name, status_code: null, message: error } };
  }
  const outcome = await target.executor.restart(target.serviceId);
  return {
    success: outcome.success,
    error: outcome.success ? null : (outcome.error ?? outcome.message),
    result: {
      success: outcome.success,
      service_id: target.serviceId,
      component: component.name,
      status_code: outcome.status_code,
      message: outcome.success ? outcome.message : (outcome.error ?? outcome.message),
      attempts: outcome.attempts,
      executor: target.executor.kind,
    },
  };
}

export async function rollbackComponent(
  db: Db,
  component: Component,
  params: RemediationParams,
  executors: ExecutorRegistry,
  actorName: string,
  bound: RemediationTarget = {},
): Promise<ActionOutcome> {
  const type: RollbackType = params.rollback_type ?? 'deployment';
  const base = { component: component.name, rollback_type: type };
  const fail = (error: string, extra: Record<string, unknown> = {}): ActionOutcome => ({
    success: false,
    error,
    result: { success: false, ...base, from_state: null, to_state: null, error, ...extra },
  });

  // What the approver saw is what runs: the stored versions, and only if nothing was recorded since.
  const moved = (what: string, now: number | undefined, then: number) =>
    fail(`the ${what} of ${component.name} changed since this rollback was requested (now #${now ?? 'none'}, then #${then}); nothing restored — request it again`);

  if (type === 'config') {
    const [current, latestPrevious] = await recentConfigs(db, component.id, 2);
    const version = pinned(bound, 'config_version');
    const from = pinned(bound, 'from_config_version');
    if (from !== undefined && current?.id !== from) return moved('config', current?.id, from);
    const previous = version === undefined ? latestPrevious : await configVersion(db, component.id, version);
    if (!current || !previous) return fail(`no previous config recorded for ${component.name}`);
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
    const [current, latestPrevious] = await recentStates(db, component.id, 2);
    const stateId = pinned(bound, 'state_id');
    const from = pinned(bound, 'from_state_id');
    if (from !== undefined && current?.id !== from) return moved('recorded state', current?.id, from);
    const previous = stateId === undefined ? latestPrevious : await recordedState(db, component.id, stateId);
    if (!current || !previous) return fail(`no previous state recorded for ${component.name}`);
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
  if (!target) return fail(`no Render service id for ${component.name}: pass service_id or register render_service_id`);
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
  const error = outcome.success ? null : (outcome.error ?? outcome.message);
  return {
    success: outcome.success,
    error,
    result: {
      success: outcome.success,
      ...base,
      service_id: target.serviceId,
      from_state: from,
      to_state: to,
      // An API rollback leaves auto-deploy on; the next push would undo it (see lib/executors/render.ts).
      auto_deploy_disabled: outcome.auto_deploy_disabled,
      status_code: outcome.status_code,
      attempts: outcome.attempts,
      message: error ?? outcome.message,
      executor: target.executor.kind,
    },
  };
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

/**
 * detect_and_cleanup_memory_leaks: judge the recent memory series, clean only
 * when a leak is detected. `needsRestart` tells the caller to propose a
 * restart because the component has no cleanup hook.
 */
export async function cleanupMemoryLeak(
  db: Db,
  component: Component,
  executors: ExecutorRegistry,
  now: Date,
): Promise<ActionOutcome & { needsRestart: boolean }> {
  const since = new Date(now.getTime() - LEAK_WINDOW_MINUTES * 60_000);
  const samples = (await samplesInWindow(db, component.id, since, now, LEAK_MAX_SAMPLES)).map(toMetricSample);
  const leak = detectMemoryLeak(samples);
  const current = samples.at(-1)?.memory_mb ?? null;
  const base = { component: component.name, leak_detected: leak.leak_detected, reason: leak.reason, analysis: leak };
  if (!leak.leak_detected) {
    return {
      success: true,
      error: null,
      needsRestart: false,
      result: { success: true, ...base, memory_freed_mb: 0, objects_collected: 0, current_memory_mb: current, message: 'no leak detected; nothing cleaned' },
    };
  }
  const hook = executors.cleanup(component);
  if (!hook) {
    const error = `no cleanup hook registered for ${component.name}; a restart is proposed instead`;
    return {
      success: false,
      error,
      needsRestart: true,
      result: { success: false, ...base, memory_freed_mb: null, objects_collected: null, current_memory_mb: current, message: error },
    };
  }
  const outcome = await hook.executor.cleanup({ component: component.name, url: hook.url, secret: hook.secret });
  const error = outcome.success ? null : (outcome.error ?? outcome.message);
  return {
    success: outcome.success,
    error,
    needsRestart: false,
    result: {
      success: outcome.success,
      ...base,
      memory_freed_mb: outcome.memory_freed_mb,
      objects_collected: outcome.objects_collected,
      current_memory_mb: outcome.current_memory_mb,
      status_code: outcome.status_code,
      message: error ?? outcome.message,
    },
  };
}

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
