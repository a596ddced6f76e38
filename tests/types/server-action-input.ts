/**
 * Type test, checked by `tsc --noEmit` (never run): a server action's parameter
 * is its schema's input (lib/actions/server-action.ts), so a browser call site
 * with a wrong, missing or misspelt field does not compile. Each
 * `@ts-expect-error` fails tsc if the line below it ever type-checks.
 */
import { createTokenAction, setPauseAction, setUserRoleAction } from '@/app/(console)/admin/actions';
import { approveAction, rejectAction } from '@/app/(console)/approvals/actions';
import { requestAction } from '@/app/(console)/components/[name]/actions';

export async function wellTypedCalls() {
  await approveAction({ id: '00000000-0000-4000-8000-000000000000' });
  await rejectAction({ id: '00000000-0000-4000-8000-000000000000', reason: 'not now' });
  await requestAction({ action: 'restart', component: 'checkout-api' });
  await createTokenAction({ name: 'ingest', role: 'operator' });
  await setPauseAction({ paused: true });
}

export async function illTypedCalls() {
  // @ts-expect-error a reject needs its reason
  await rejectAction({ id: '00000000-0000-4000-8000-000000000000' });
  // @ts-expect-error `remediationId` is not the field's name (`id` is)
  await approveAction({ remediationId: '00000000-0000-4000-8000-000000000000' });
  // @ts-expect-error not an action of the registry
  await requestAction({ action: 'reboot', component: 'checkout-api' });
  // @ts-expect-error not a role
  await createTokenAction({ name: 'ingest', role: 'superuser' });
  // @ts-expect-error `paused` is a boolean
  await setPauseAction({ paused: 'yes' });
  // @ts-expect-error userId is required
  await setUserRoleAction({ role: 'viewer' });
}
