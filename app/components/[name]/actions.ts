'use server';

/**
 * Manual restart / rollback / memory-leak cleanup from a component's page.
 * requestRemediation applies the same policy, guardrails and approval queue as
 * the HTTP endpoints and the reconciler; a high-risk request comes back pending.
 */
import { z } from 'zod';
import { findComponentByName } from '@/db/queries/components';
import { recentChecks } from '@/db/queries/health-checks';
import type { Db } from '@/db/client';
import type { RemediationAction, RemediationParams } from '@/db/schema';
import { toRequestResult } from '@/components/remediation/outcomes';
import { serverAction } from '@/lib/actions/server-action';
import type { SessionUser } from '@/lib/auth/session';
import { actorFromUser, remediationDeps } from '@/lib/remediation/deps';
import { requestRemediation } from '@/lib/remediation/request';
import type { HealthReport } from '@/lib/services/health-check';
import { cleanupSchema, restartSchema, rollbackSchema } from '@/lib/validation/remediation';
import { componentNameSchema } from '@/lib/validation/sample';

/** The requester's own words for the approver; optional, the default names the requester. */
const note = z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters').optional();
const target = { component: componentNameSchema, note };

// No service_id from the browser: the page acts on the service registered for
// the component, which is what its confirmation dialog names.
const restartInput = restartSchema.omit({ service_id: true }).extend(target);
const rollbackInput = rollbackSchema.omit({ service_id: true }).extend(target);
const cleanupInput = cleanupSchema.extend(target);

/**
 * What the requester was looking at: the component's latest health check, in
 * the same shape the reconciler records, so approvers judge manual and
 * automatic proposals on the same evidence.
 */
async function evidenceFor(db: Db, componentName: string): Promise<Record<string, unknown>> {
  const component = await findComponentByName(db, componentName);
  const [check] = component ? await recentChecks(db, component.id, 1) : [];
  if (!check) return {};
  const report = check.result as unknown as HealthReport;
  return {
    health_check_id: check.id,
    checked_at: check.checkedAt.toISOString(),
    health_score: report.health_score,
    failure_prediction: report.failure_prediction,
    memory_leak: report.memory_leak,
    metrics: report.metrics,
    warnings: report.warnings,
    healing_triggers: report.healing_triggers,
  };
}

async function request(
  db: Db,
  user: SessionUser,
  input: { component: string; note?: string },
  action: RemediationAction,
  params: RemediationParams,
  what: string,
) {
  const outcome = await requestRemediation(
    db,
    {
      component: input.component,
      action,
      params,
      reason: input.note || `${what} requested by ${user.email}`,
      evidence: await evidenceFor(db, input.component),
      requester: actorFromUser(user),
    },
    remediationDeps(),
  );
  return toRequestResult(outcome);
}

export const restartAction = serverAction(
  { role: 'operator', schema: restartInput, name: 'restart', revalidate: ['/approvals'] },
  (input, { user, db }) => request(db, user, input, 'restart', {}, 'restart'),
);

export const rollbackAction = serverAction(
  { role: 'operator', schema: rollbackInput, name: 'rollback', revalidate: ['/approvals'] },
  (input, { user, db }) =>
    request(
      db,
      user,
      input,
      'rollback',
      { rollback_type: input.rollback_type },
      `${input.rollback_type} rollback`,
    ),
);

export const cleanupAction = serverAction(
  { role: 'operator', schema: cleanupInput, name: 'memory-cleanup', revalidate: ['/approvals'] },
  (input, { user, db }) => request(db, user, input, 'memory_cleanup', {}, 'memory-leak cleanup'),
);
