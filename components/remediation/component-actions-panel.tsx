/**
 * Server half of the manual actions: the signed-in user and what each action
 * would act on (action-panel-props.ts), then the client buttons.
 * Mount it on a page: <ComponentActionsPanel componentName={name} />.
 */
import 'server-only';
import { currentUser } from '@/lib/auth/session';
import { actionPanelProps } from './action-panel-props';
import { ComponentActions, NothingToActOn } from './component-actions';

export async function ComponentActionsPanel({ componentName }: { componentName: string }) {
  const user = await currentUser();
  if (!user) return null; // the page itself sends a signed-out browser to /login
  const props = await actionPanelProps(componentName, user.role);
  return props ? <ComponentActions {...props} /> : <NothingToActOn componentName={componentName} />;
}
