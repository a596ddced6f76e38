/** The process-wide wiring of the remediation service: real executors, env settings, the approval webhook. */
import 'server-only';
import type { Principal } from '@/lib/api/principal';
import type { SessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { notifyApprovalRequested } from '@/lib/notify/slack';
import { defaultExecutors } from './executors';
import type { Actor, RemediationDeps } from './types';

let deps: RemediationDeps | undefined;

export function remediationDeps(): RemediationDeps {
  deps ??= {
    executors: defaultExecutors(env().render),
    settings: env().remediation,
    // The webhook (SLACK_WEBHOOK_URL) is a courtesy: it never throws and gives up after its timeout.
    onPendingApproval: async (r) => {
      await notifyApprovalRequested({
        component: r.component,
        action: r.action,
        reason: r.reason,
        risk: r.risk,
        remediationId: r.id,
        requestedBy: r.requestedBy,
      });
    },
  };
  return deps;
}

export function actorFromPrincipal(principal: Principal): Actor {
  return { kind: principal.kind, name: principal.name, userId: principal.userId };
}

export function actorFromUser(user: SessionUser): Actor {
  return { kind: 'user', name: user.email, userId: user.id };
}
