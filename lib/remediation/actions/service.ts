/** The Render (or simulated) service an action acts on: shared by restart and a deployment rollback. */
import 'server-only';
import type { Component, RemediationParams, RemediationTarget } from '@/db/schema';
import type { ActionTargets } from '../action-targets';
import { DomainError } from '@/lib/healing/domain-error';
import type { ExecutorRegistry } from '../types';

/** The service the request was bound to (its stored target), else what the params name. */
export const serviceIdFor = (params: RemediationParams, target: RemediationTarget) =>
  (typeof target.service_id === 'string' ? target.service_id : undefined) ?? params.service_id ?? null;

export const noServiceError = (component: Component) =>
  `no Render service id for ${component.name}: pass service_id or register render_service_id`;

/** The service target, once checkPreconditions passed (lib/remediation/capabilities.ts says when there is none). */
export function resolveService(component: Component, params: RemediationParams, executors: ExecutorRegistry) {
  const service = executors.service(component, params.service_id ?? null);
  if (!service) throw new DomainError('conflict', `${component.name} has no service to act on any more; request it again`);
  return { service_id: service.serviceId, executor: service.executor.kind };
}

export function serviceTargetText(t: ActionTargets): string {
  if (!t.service) return 'no service registered';
  return t.service.kind === 'simulator' ? `simulated service ${t.service.serviceId} (demo simulator)` : `Render service ${t.service.serviceId}`;
}
