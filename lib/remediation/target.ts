/**
 * What a remediation will act on, fixed when it is requested: the Render
 * service, the config version or recorded state a rollback restores, the
 * cleanup hook. The approver sees it on the card; decide() resolves it again
 * under the component lock and refuses when it moved; execution acts on the
 * stored one, never on "whatever is previous now".
 *
 * Resolving it first asks the one capability check (capabilities.ts): what
 * cannot run is refused before anything is recorded, at request and at approval.
 */
import type { Db } from '@/db/client';
import type { Component, RemediationAction, RemediationParams, RemediationTarget } from '@/db/schema';
import { actionOf } from './actions';
import { checkPreconditions } from './capabilities';
import type { ExecutorRegistry } from './types';

export async function resolveTarget(
  db: Db,
  component: Component,
  action: RemediationAction,
  params: RemediationParams,
  executors: ExecutorRegistry,
): Promise<RemediationTarget> {
  await checkPreconditions(db, component, action, params, executors);
  return actionOf(action).resolveTarget(db, component, params, executors);
}

/** Field-by-field differences, in words: `config_version 12 → 14`. Empty when nothing moved. */
export function targetChanges(before: RemediationTarget, after: RemediationTarget): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => `${field} ${String(before[field] ?? 'none')} → ${String(after[field] ?? 'none')}`);
}
