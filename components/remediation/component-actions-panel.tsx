/**
 * Server half of the manual actions: loads the component, the signed-in user
 * and what each action would act on, then renders the client buttons.
 * Mount it on a component's page: <ComponentActionsPanel componentName={name} />.
 */
import { getDb } from '@/db/client';
import { recentConfigs, recentStates } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import type { Component, ComponentConfig } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { remediationDeps } from '@/lib/remediation/deps';
import { differingConfigFields } from '@/lib/remediation/actions';
import type { Db } from '@/db/client';
import type { ActionTargets } from './action-targets';
import { ComponentActions } from './component-actions';

function cleanupTarget(component: Component): ActionTargets['cleanup'] {
  const cleanup = remediationDeps().executors.cleanup(component);
  if (!cleanup) return null;
  // lib/remediation/executors.ts names its built-in cleanups by these pseudo-URLs.
  const kind = cleanup.url === 'simulator' ? 'simulator' : cleanup.url === 'in-process' ? 'in-process' : 'hook';
  return { kind, url: cleanup.url };
}

function configChanges(current: ComponentConfig, previous: ComponentConfig) {
  // The policy is an admin setting a config rollback keeps, so it is not among the changes.
  return differingConfigFields(current, previous)
    .filter((field) => field !== 'policy')
    .map((field) => ({ field, from: current[field] ?? null, to: previous[field] ?? null }));
}

export async function actionTargets(db: Db, component: Component): Promise<ActionTargets> {
  const { executors, settings } = remediationDeps();
  const service = executors.service(component, null);
  const [states, configs] = await Promise.all([recentStates(db, component.id, 2), recentConfigs(db, component.id, 2)]);
  const [currentState, previousState] = states;
  const [currentConfig, previousConfig] = configs;
  return {
    component: { name: component.name, environment: component.environment, policy: component.policy },
    service: service && { kind: service.executor.kind, serviceId: service.serviceId },
    cleanup: cleanupTarget(component),
    previousState:
      currentState && previousState
        ? { from: currentState.state, to: previousState.state, recordedAt: previousState.recordedAt.toISOString() }
        : null,
    // The simulator re-applies a recorded state; Render rolls back to the deploy a state names.
    canApplyState: previousState ? executors.applyState(component, previousState.state) !== null : false,
    previousConfig:
      currentConfig && previousConfig
        ? {
            changes: configChanges(currentConfig.config, previousConfig.config),
            recordedAt: previousConfig.recordedAt.toISOString(),
            changedBy: previousConfig.changedBy,
          }
        : null,
    approvalExpiryMinutes: settings.approvalExpiryMs / 60_000,
    cooldownMinutes: settings.guardrails.cooldownMs / 60_000,
  };
}

export async function ComponentActionsPanel({ componentName }: { componentName: string }) {
  const user = await currentUser();
  if (!user) return null; // the page itself sends a signed-out browser to /login
  const db = await getDb();
  const component = await findComponentByName(db, componentName);
  if (!component) {
    return <p className="muted">{componentName} is not registered, so there is nothing to act on.</p>;
  }
  return (
    <ComponentActions
      targets={await actionTargets(db, component)}
      role={user.role}
      canRequest={hasRole(user.role, 'operator')}
    />
  );
}
