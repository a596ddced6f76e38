/** Console-wide settings from the admin page: remediation policy per component, the global pause. */
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { automationPause, setAutomationPaused, type PauseState } from '@/db/queries/settings';
import type { RemediationPolicy } from '@/db/schema';
import { ActionError } from '@/lib/actions/action-error';
import type { SessionUser } from '@/lib/auth/session';
import type { setPauseInput, setPolicyInput } from '@/lib/validation/admin';
import { configureComponent } from '../component-config';
import { auditAdmin } from './audit';

/** Changes the policy of a known component (never registers one); the change enters its config history. */
export async function adminSetPolicy(
  db: Db,
  actor: SessionUser,
  { component, policy }: z.output<typeof setPolicyInput>,
): Promise<{ component: string; policy: RemediationPolicy }> {
  await db.transaction(async (tx) => {
    const current = await findComponentByName(tx, component);
    if (!current) throw new ActionError(`component: no component named ${component}`, 'component');
    if (current.policy === policy) return;
    // Same actor format as the API's config changes (`kind:name`), so the history reads alike.
    // A savepoint inside this transaction: the policy and its admin event are stored together or not at all.
    await configureComponent(tx, component, { policy }, { by: `user:${actor.email}`, admin: true });
    await auditAdmin(tx, actor, 'component.policy', component, { from: current.policy, to: policy });
  });
  return { component, policy };
}

export async function adminSetPause(
  db: Db,
  actor: SessionUser,
  { paused }: z.output<typeof setPauseInput>,
): Promise<PauseState> {
  await db.transaction(async (tx) => {
    await setAutomationPaused(tx, paused, actor.email);
    await auditAdmin(tx, actor, paused ? 'automation.pause' : 'automation.resume', 'automation');
  });
  return automationPause(db);
}
