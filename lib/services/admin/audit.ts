/**
 * One record per admin change: who did what to whom, in the admin_events table
 * (append-only) and as a log line. Callers pass the change's transaction, so the
 * record and the change commit together or not at all.
 *
 * Callers pass names, ids and before/after values only. As a second guard, any
 * detail whose key names a secret is refused here, so a future caller cannot
 * record a password or a token shown once by mistake.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { insertAdminEvent } from '@/db/queries/admin-events';
import type { SessionUser } from '@/lib/auth/session';
import { log } from '@/lib/log';

export const ADMIN_ACTIONS = [
  'user.create',
  'user.role',
  'user.disable',
  'user.enable',
  'token.create',
  'token.revoke',
  'component.policy',
  'automation.pause',
  'automation.resume',
  'hooks.allowed_ranges',
  'prometheus_source.create',
  'prometheus_source.update',
  'prometheus_source.delete',
  'alerts.routing',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

type Detail = string | number | boolean | null;
/** Who made the change: a signed-in admin, or an admin's API token (id: the person behind it, if any). */
export type AuditActor = Pick<SessionUser, 'email'> & { id: string | null };
const SECRET_KEY = /pass|secret|token|hash|key|credential/i;

export async function auditAdmin(
  tx: Db,
  actor: AuditActor,
  action: AdminAction,
  target: string,
  details: Record<string, Detail> = {},
): Promise<void> {
  const secretKey = Object.keys(details).find((key) => SECRET_KEY.test(key));
  if (secretKey) throw new Error(`admin audit: refusing to record a detail named ${secretKey}`);
  await insertAdminEvent(tx, { actorId: actor.id, actor: actor.email, action, target, details });
  log.info('admin action', { actor: actor.email, action, target, ...details });
}
