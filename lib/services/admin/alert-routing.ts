/** The admin's alert routing: which labels name a component, which severities heal (lib/alerts/routing.ts). */
import type { z } from 'zod';
import 'server-only';
import type { Db } from '@/db/client';
import { setAlertRouting, type AlertRoutingState } from '@/db/queries/settings';
import type { SessionUser } from '@/lib/auth/session';
import { currentAlertRouting } from '@/lib/services/alerts';
import type { setAlertRoutingInput } from '@/lib/validation/admin';
import { auditAdmin } from './audit';

export async function adminSetAlertRouting(
  db: Db,
  actor: SessionUser,
  input: z.output<typeof setAlertRoutingInput>,
): Promise<AlertRoutingState> {
  // One transaction: the setting and its admin event are stored together or not at all.
  await db.transaction(async (tx) => {
    const before = await currentAlertRouting(tx);
    await setAlertRouting(tx, { componentLabels: input.component_labels, healingSeverities: input.healing_severities }, actor.email);
    await auditAdmin(tx, actor, 'alerts.routing', 'Alertmanager alerts', {
      from: describe(before.componentLabels, before.healingSeverities),
      to: describe(input.component_labels, input.healing_severities),
    });
  });
  return currentAlertRouting(db);
}

const describe = (labels: string[], severities: string[]) =>
  `labels ${labels.join(', ')}; healing severities ${severities.length ? severities.join(', ') : 'none'}`;
