/**
 * What the dashboard reads to say what the console proposes for a component:
 * remediations still open (proposed, waiting for approval, approved, executing),
 * oldest first like the approval queue; recent rejections (the reconciler's
 * snooze); how many runtime states are recorded (a previous_state rollback
 * needs two). A proposal past its expiry still says pending_approval until the
 * reconciler marks it expired, but nobody can approve it any more, so it is
 * left out (as in pending-approvals.ts).
 */
import 'server-only';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { componentStates, components, OPEN_REMEDIATION_STATUSES, remediations, type OpenRemediationStatus, type Remediation } from '../schema';

export type OpenStatus = OpenRemediationStatus;

export interface OpenRemediation {
  id: string;
  component: string;
  action: Remediation['action'];
  params: Remediation['params'];
  status: OpenStatus;
  risk: Remediation['risk'];
  reason: string;
  requestedBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

const stillOpen = or(
  inArray(
    remediations.status,
    OPEN_REMEDIATION_STATUSES.filter((s) => s !== 'pending_approval'),
  ),
  and(
    eq(remediations.status, 'pending_approval'),
    or(isNull(remediations.expiresAt), gt(remediations.expiresAt, sql`now()`)),
  ),
);

/**
 * Open remediations, oldest first: of every component, or of one (`componentId`).
 * At most `limit`; the reconciler keeps one open per component, people rarely more.
 */
export async function openRemediations(db: Db, options: { componentId?: string; limit?: number } = {}): Promise<OpenRemediation[]> {
  const rows = await db
    .select({
      id: remediations.id,
      component: components.name,
      action: remediations.action,
      params: remediations.params,
      status: remediations.status,
      risk: remediations.risk,
      reason: remediations.reason,
      requestedBy: remediations.requestedBy,
      createdAt: remediations.createdAt,
      expiresAt: remediations.expiresAt,
    })
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(and(stillOpen, options.componentId ? eq(remediations.componentId, options.componentId) : undefined))
    .orderBy(asc(remediations.createdAt), asc(remediations.id))
    .limit(options.limit ?? 200);
  return rows.map((r) => ({ ...r, status: r.status as OpenStatus }));
}

/**
 * Actions people rejected since `since`, newest decision first: the reconciler
 * does not propose them again for that component until the snooze ends.
 */
export async function rejectionsSince(
  db: Db,
  since: Date,
  componentId?: string,
): Promise<{ component: string; action: Remediation['action']; decidedAt: Date }[]> {
  const rows = await db
    .select({ component: components.name, action: remediations.action, decidedAt: remediations.decidedAt })
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(
      and(
        eq(remediations.status, 'rejected'),
        gte(remediations.decidedAt, since),
        componentId ? eq(remediations.componentId, componentId) : undefined,
      ),
    )
    .orderBy(desc(remediations.decidedAt))
    .limit(500);
  return rows.map((r) => ({ ...r, decidedAt: r.decidedAt! }));
}

/** Component id → recorded runtime states (components without any are absent). */
export async function stateCounts(db: Db, componentId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ componentId: componentStates.componentId, n: count() })
    .from(componentStates)
    .where(componentId ? eq(componentStates.componentId, componentId) : undefined)
    .groupBy(componentStates.componentId);
  return new Map(rows.map((r) => [r.componentId, r.n]));
}
