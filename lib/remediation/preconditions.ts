/**
 * Request-time refusals beyond those of request.ts (checkPreconditions), made
 * before anything is recorded: a `previous_state` rollback that nothing could
 * apply is refused with the same 409 as "no previous state recorded", instead
 * of being queued, approved, and failing when it runs.
 *
 * Called by the API's rollback route. (request.ts's checkPreconditions is the
 * natural home; until it calls this, other callers — server actions — still
 * get a clear run-time failure from rollbackComponent.)
 */
import type { Db } from '@/db/client';
import { recentStates } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import type { RemediationParams } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { cannotApplyState } from './actions';
import type { ExecutorRegistry } from './types';

export async function assertRollbackCanApply(
  db: Db,
  componentName: string,
  params: RemediationParams,
  executors: ExecutorRegistry,
): Promise<void> {
  if (params.rollback_type !== 'previous_state') return;
  const component = await findComponentByName(db, componentName);
  if (!component) return; // request.ts answers 404
  const [current, previous] = await recentStates(db, component.id, 2);
  if (!current || !previous) return; // request.ts answers 409 "no previous state recorded for …"
  if (!executors.applyState(component, previous.state)) {
    throw new ApiError(409, 'conflict', cannotApplyState(component, previous.state));
  }
}
