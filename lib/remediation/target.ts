/**
 * What a remediation will act on, fixed when it is requested: the Render
 * service, the config version or recorded state a rollback restores, the
 * cleanup hook. The approver sees it on the card; decide() resolves it again
 * under the component lock and refuses when it moved; execution acts on the
 * stored one, never on "whatever is previous now".
 *
 * Resolving it is also the precondition check: what has no target cannot run,
 * and is refused before anything is recorded.
 */
import type { Db } from '@/db/client';
import { recentConfigs, recentStates } from '@/db/queries/component-history';
import type { Component, RemediationAction, RemediationParams, RemediationTarget } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { stripUrlCredentials } from '@/db/url-credentials';
import { cannotApplyState } from './actions';
import type { ExecutorRegistry } from './types';

export async function resolveTarget(
  db: Db,
  component: Component,
  action: RemediationAction,
  params: RemediationParams,
  executors: ExecutorRegistry,
): Promise<RemediationTarget> {
  if (action === 'memory_cleanup') {
    const hook = executors.cleanup(component);
    // No hook: the cleanup finds the leak and proposes a restart instead (SPEC §4).
    return { hook: hook ? shownHook(hook.url) : null };
  }
  const type = action === 'rollback' ? (params.rollback_type ?? 'deployment') : null;
  if (type === 'previous_state') {
    const [current, previous] = await recentStates(db, component.id, 2);
    if (!current || !previous) throw new ApiError(409, 'conflict', `no previous state recorded for ${component.name}`);
    const applier = executors.applyState(component, previous.state);
    // Refused now rather than queued, approved, and failing when it runs.
    if (!applier) throw new ApiError(409, 'conflict', cannotApplyState(component, previous.state));
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
    if (!current || !previous) throw new ApiError(409, 'conflict', `no previous config recorded for ${component.name}`);
    return { rollback_type: type, config_version: previous.id, from_config_version: current.id };
  }
  const service = executors.service(component, params.service_id ?? null);
  if (!service) {
    throw new ApiError(400, 'validation_failed', `service_id: no Render service id given and none registered for ${component.name}`, [
      { field: 'service_id', message: `required: ${component.name} has no render_service_id` },
    ]);
  }
  return { ...(type && { rollback_type: type }), service_id: service.serviceId, executor: service.executor.kind };
}

/**
 * A hook as a target shows it: without credentials (lib/url-credentials.ts),
 * query or fragment (a token in `?key=` is a credential too). Not a URL
 * (`in-process`, `simulator`): as it is.
 */
function shownHook(url: string): string {
  try {
    const parsed = new URL(stripUrlCredentials(url));
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return stripUrlCredentials(url);
  }
}

/** Field-by-field differences, in words: `config_version 12 → 14`. Empty when nothing moved. */
export function targetChanges(before: RemediationTarget, after: RemediationTarget): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => `${field} ${String(before[field] ?? 'none')} → ${String(after[field] ?? 'none')}`);
}
