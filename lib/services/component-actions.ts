/**
 * What a component's manual actions would act on, loaded on the server for the
 * actions panel (lib/services/action-panel.ts): the
 * component's view, its recorded states and configs, and the settings the
 * confirmation dialogs quote. Client components get this, never the row.
 */
import 'server-only';
import { getDb, type Db } from '@/db/client';
import { recentConfigs, recentStates } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import type { Component, ComponentConfig } from '@/db/schema';
import { stripUrlCredentials } from '@/db/url-credentials';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { differingConfigFields } from '@/lib/remediation/actions';
import { remediationDeps } from '@/lib/remediation/deps';
import { componentView } from '@/lib/services/component-view';

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

/** The targets of `componentName`'s actions; null when it is not registered. */
export async function loadActionTargets(componentName: string): Promise<ActionTargets | null> {
  const db = await getDb();
  const component = await findComponentByName(db, componentName);
  return component ? actionTargets(db, component) : null;
}
