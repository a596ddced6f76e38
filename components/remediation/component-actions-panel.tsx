/**
 * Server half of the manual actions: loads the component, the signed-in user
 * and what each action would act on, then renders the client buttons.
 * Mount it on a component's page: <ComponentActionsPanel componentName={name} />.
 */
import 'server-only';
import { getDb } from '@/db/client';
import { recentConfigs, recentStates } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import type { Component, ComponentConfig } from '@/db/schema';
import { componentView } from '@/lib/services/component-view';
import { stripUrlCredentials } from '@/db/url-credentials';
import { hasRole } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { remediationDeps } from '@/lib/remediation/deps';
import { differingConfigFields } from '@/lib/remediation/actions';
import { manualActions } from './action-plan';
import type { Db } from '@/db/client';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { ComponentActions } from './component-actions';

function configChanges(current: ComponentConfig, previous: ComponentConfig) {
  // The policy is an admin setting a config rollback keeps, so it is not among the changes.
  // Hook URLs are redacted again: history rows written before queries counted as credentials may hold one.
  const shown = (field: keyof ComponentConfig, value: unknown) =>
    field === 'cleanup_url' && typeof value === 'string' ? stripUrlCredentials(value) : (value ?? null);
  return differingConfigFields(current, previous)
    .filter((field) => field !== 'policy')
    .map((field) => ({ field, from: shown(field, current[field]), to: shown(field, previous[field]) }));
}

export async function actionTargets(db: Db, component: Component): Promise<ActionTargets> {
  const { executors, settings } = remediationDeps();
  const [states, configs] = await Promise.all([recentStates(db, component.id, 2), recentConfigs(db, component.id, 2)]);
  const [currentState, previousState] = states;
  const [currentConfig, previousConfig] = configs;
  return {
    // What the client may know of the component: its view, never the row.
    ...componentView(component, executors),
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
  const targets = await actionTargets(db, component);
  return (
    <ComponentActions
      targets={targets}
      actions={manualActions(targets)}
      role={user.role}
      canRequest={hasRole(user.role, 'operator')}
    />
  );
}
