/**
 * Asking for a remediation (a person, a token, or the reconciler): check that
 * it can run at all, apply the risk policy and the guardrails, record it, then
 * run it at once (low risk) or queue it for an approver (high risk).
 */
import 'server-only';
import { isUniqueViolation, type Db } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { checkSenders } from '@/db/queries/health-checks';
import {
  expireIfLapsed,
  findRemediation,
  insertRemediation,
  ONE_OPEN_INDEX,
  openRemediationOf,
  type RemediationWithComponent,
} from '@/db/queries/remediations';
import type { Component, Remediation, RemediationAction } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { riskFor, type RiskContext } from '@/lib/healing/risk';
import { log } from '@/lib/log';
import { actionOf } from './actions';
import { alertSenders } from './evidence';
import { executeRemediation, type ExecutionResult } from './execute';
import { enforceGuardrails, lockComponent } from './guard';
import { resolveTarget } from './target';
import type { RemediationDeps, RemediationRequest } from './types';

export type RequestOutcome =
  | { kind: 'executed'; execution: ExecutionResult; followUp?: RequestOutcome }
  | { kind: 'pending'; remediation: RemediationWithComponent };

/** Machines and the reconciler are automation; the pause and the hourly cap are about them. */
const isAutomatic = (request: RemediationRequest) => request.requester.kind !== 'user';

/** What makes this request riskier than its action on its component would be (see riskFor). decide() asks it again. */
export async function riskContext(db: Db, component: Component, request: Pick<RemediationRequest, 'action' | 'params'>): Promise<RiskContext> {
  const definition = actionOf(request.action);
  const serviceId = request.params.service_id ?? null;
  const retargeted = definition.aimsAtService(request.params) && serviceId !== null && serviceId !== component.renderServiceId;
  return { ...(await definition.riskContext(db, component, request.params)), ...(retargeted && { retargetedTo: serviceId }) };
}

/** Where a person looks at an open remediation: the approval card while it waits, else the component page. */
export function remediationLink(remediation: { id: string; status: string }, componentName: string): string {
  return remediation.status === 'pending_approval' ? `/approvals#${remediation.id}` : `/components/${encodeURIComponent(componentName)}`;
}

function alreadyOpen(component: Component, action: RemediationAction, open?: Remediation): DomainError {
  const which = open ? `remediation ${open.id} (${open.status})` : 'another request';
  return new DomainError('conflict', `${action} of ${component.name} is already open: ${which}; decide or wait for that one first`, { details: {
    ...(open && { open_remediation: { id: open.id, status: open.status, link: remediationLink(open, component.name) } }),
  } });
}

/**
 * At most one open request per component and action, from any path (API,
 * browser, reconciler): the second is told which one is open. A proposal past
 * its expiry is expired here (as the sweep would) rather than blocking.
 */
async function refuseSecondOpen(tx: Db, component: Component, action: RemediationAction, now: Date): Promise<void> {
  const open = await openRemediationOf(tx, component.id, action);
  if (open && !(await expireIfLapsed(tx, open.id, now))) throw alreadyOpen(component, action, open);
}

export async function requestRemediation(db: Db, request: RemediationRequest, deps: RemediationDeps): Promise<RequestOutcome> {
  const now = deps.now?.() ?? new Date();
  const component = await findComponentByName(db, request.component);
  if (!component) throw new DomainError('not_found', `component ${request.component} is not registered`);
  // Also the precondition check: what has nothing to act on is refused before anything is recorded.
  const target = await resolveTarget(db, component, request.action, request.params, deps.executors);
  const checked = typeof request.evidence?.health_check_id === 'number' ? await checkSenders(db, request.evidence.health_check_id) : [];
  // Whoever delivered an alert behind the request sent evidence too (lib/remediation/evidence.ts).
  const evidenceSenders = [...checked, ...alertSenders(request.evidence)].filter(
    (s, i, all) => all.findIndex((o) => o.name === s.name && o.user_id === s.user_id) === i,
  );

  const risk = riskFor(actionOf(request.action), component, await riskContext(db, component, request));
  if (!risk.allowed) throw new DomainError('conflict', `${request.action} of ${component.name} refused: ${risk.why}`);

  const automatic = isAutomatic(request);
  // One transaction holding the component row: concurrent requests for the same
  // component see each other's executions, so two cannot both pass the cooldown.
  const created: Remediation = await db.transaction(async (tx) => {
    await lockComponent(tx, component);
    await refuseSecondOpen(tx, component, request.action, now);
    await enforceGuardrails(tx, { component, action: request.action, automatic, now, settings: deps.settings.guardrails });
    const high = risk.risk === 'high';
    return insertRemediation(tx, {
      componentId: component.id,
      action: request.action,
      params: request.params,
      risk: risk.risk,
      // Low risk is approved by policy at once; `decided_by` says so.
      status: high ? 'pending_approval' : 'approved',
      reason: request.reason,
      evidence: { ...request.evidence, policy: risk.why },
      evidenceSenders,
      target,
      requestedByKind: request.requester.kind,
      requestedBy: request.requester.name,
      requesterUserId: request.requester.userId,
      automatic,
      createdAt: now,
      expiresAt: high ? new Date(now.getTime() + deps.settings.approvalExpiryMs) : null,
      ...(!high && { decidedBy: 'policy', decidedAt: now, decisionReason: risk.why }),
    }).catch((error: unknown) => {
      // The lock orders every path through here; the index also holds against any other writer.
      if (isUniqueViolation(error, ONE_OPEN_INDEX)) throw alreadyOpen(component, request.action);
      throw error;
    });
  });

  if (created.status === 'pending_approval') {
    const pending = (await findRemediation(db, created.id))!;
    log.info('remediation awaiting approval', { remediation: created.id, component: component.name, action: created.action });
    // Not awaited: a slow webhook must not hold up the requester or the reconciler's pass.
    void Promise.resolve(
      deps.onPendingApproval?.({
        id: created.id,
        component: component.name,
        action: created.action,
        reason: created.reason,
        risk: created.risk,
        requestedBy: created.requestedBy,
      }),
    ).catch((error: unknown) => log.error('approval notification failed', { remediation: created.id, error }));
    return { kind: 'pending', remediation: pending };
  }

  const execution = await executeRemediation(db, created.id, deps);
  if (!execution.followUp) return { kind: 'executed', execution };
  // A leak with no cleanup hook: the card's answer is a restart, proposed under the same rules.
  try {
    const followUp = await requestRemediation(
      db,
      { ...request, action: 'restart', params: {}, reason: execution.followUp.reason, evidence: { ...request.evidence, cleanup_remediation_id: created.id } },
      deps,
    );
    return { kind: 'executed', execution, followUp };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log.warn('restart after failed cleanup not proposed', { component: component.name, reason: error.message });
    return { kind: 'executed', execution };
  }
}
