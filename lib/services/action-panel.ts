/**
 * What the manual actions panel needs, worked out on the server: what each
 * action would act on (lib/services/component-actions.ts) and its dialog's
 * words (lib/remediation/action-plan.ts), for the caller's role. The component page and its
 * react-query endpoint both use it, so the panel refreshes with the page.
 */
import 'server-only';
import { hasRole, type Role } from '@/lib/auth/roles';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import { loadActionTargets } from './component-actions';
import { manualActions, type ManualActionView } from '@/lib/remediation/action-plan';

export interface ActionPanelProps {
  targets: ActionTargets;
  actions: ManualActionView[];
  role: Role;
  canRequest: boolean;
}

/** null: the component is not registered, so there is nothing to act on. */
export async function actionPanelProps(componentName: string, role: Role): Promise<ActionPanelProps | null> {
  const targets = await loadActionTargets(componentName);
  if (!targets) return null;
  return { targets, actions: manualActions(targets), role, canRequest: hasRole(role, 'operator') };
}
