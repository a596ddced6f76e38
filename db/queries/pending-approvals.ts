/**
 * How many remediations wait for a human decision, per component. Proposals
 * past their expiry still say pending_approval until the reconciler marks
 * them expired, but can no longer be approved, so they are not counted.
 */
import 'server-only';
import { and, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { components, remediations } from '../schema';

const awaitingDecision = and(
  eq(remediations.status, 'pending_approval'),
  or(isNull(remediations.expiresAt), gt(remediations.expiresAt, sql`now()`)),
);

/** Component name → number of open approval requests (components without any are absent). */
export async function pendingApprovalCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ name: components.name, n: count() })
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(awaitingDecision)
    .groupBy(components.name);
  return new Map(rows.map((r) => [r.name, r.n]));
}

export async function pendingApprovalCount(db: Db, componentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(remediations)
    .where(and(eq(remediations.componentId, componentId), awaitingDecision));
  return row?.n ?? 0;
}

/** All open approval requests (the /metrics gauge). */
export async function pendingApprovalTotal(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(remediations).where(awaitingDecision);
  return row?.n ?? 0;
}
