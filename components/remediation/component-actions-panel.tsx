/**
 * Server half of the manual actions: the signed-in user and what each action
 * would act on (lib/services/component-actions.ts), then the client buttons.
 * Mount it on a component's page: <ComponentActionsPanel componentName={name} />.
 */
import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { loadActionTargets } from '@/lib/services/component-actions';
import { manualActions } from './action-plan';
import { ComponentActions } from './component-actions';

export async function ComponentActionsPanel({ componentName }: { componentName: string }) {
  const user = await currentUser();
  if (!user) return null; // the page itself sends a signed-out browser to /login
  const targets = await loadActionTargets(componentName);
  if (!targets) {
    return <p className="muted">{componentName} is not registered, so there is nothing to act on.</p>;
  }
  return (
    <ComponentActions
      targets={targets}
      actions={manualActions(targets)}
      role={user.role}
      canRequest={hasRole(user.role, 'operator')}
    />
  );
}
