/**
 * One log line per admin change: who did what to whom. Callers pass names and
 * ids only — never a password or a token.
 */
import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { log } from '@/lib/log';

export function auditAdmin(actor: SessionUser, action: string, target: string, details: Record<string, unknown> = {}) {
  log.info('admin action', { actor: actor.email, action, target, ...details });
}
