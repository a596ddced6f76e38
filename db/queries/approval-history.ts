/**
 * Read models of the approvals page: the queue (pending and still decidable),
 * its History tab (remediations that are over or past their decision), and
 * the evidence a person's request carries to the approver.
 */
import 'server-only';
import { and, asc, desc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { components, remediations, type RemediationStatus } from '../schema';
import type { RemediationWithComponent } from './remediations';

/** Statuses a remediation reaches once someone (or the policy) decided it, or nobody did in time. */
export const HISTORY_STATUSES: RemediationStatus[] = ['approved', 'executing', 'succeeded', 'failed', 'rejected', 'expired'];

const columns = { remediation: remediations, component: components.name, environment: components.environment };

/** Pending remediations an approver can still decide (not past `expires_at`), oldest first. */
export async function decidableApprovals(db: Db, now: Date, limit = 200): Promise<RemediationWithComponent[]> {
  const rows = await db
    .select(columns)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(and(eq(remediations.status, 'pending_approval'), gt(remediations.expiresAt, now)))
    .orderBy(asc(remediations.createdAt), asc(remediations.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.remediation, component: r.component, environment: r.environment }));
}

export interface HistoryOptions {
  now: Date;
  limit?: number;
  /**
   * Also list low-risk remediations, which the policy approved on its own.
   * Off by default: the approvals history is about what people decided.
   */
  includePolicy?: boolean;
}

/**
 * Decided and finished remediations, the most recent activity (finish, else
 * decision, else request) first.
 *
 * A pending remediation past `expires_at` is listed as `expired` even before
 * the reconciler's next pass marks it so: nobody can approve it any more
 * (decide() refuses it), and hiding it from both tabs would lose it.
 */
export async function approvalHistory(db: Db, options: HistoryOptions): Promise<RemediationWithComponent[]> {
  const { now, limit = 100, includePolicy = false } = options;
  const overdue = and(eq(remediations.status, 'pending_approval'), lte(remediations.expiresAt, now));
  const filters: SQL[] = [or(inArray(remediations.status, HISTORY_STATUSES), overdue)!];
  if (!includePolicy) filters.push(eq(remediations.risk, 'high'));
  const lastActivity = sql`coalesce(${remediations.finishedAt}, ${remediations.decidedAt}, ${remediations.expiresAt}, ${remediations.createdAt})`;
  const rows = await db
    .select(columns)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(and(...filters))
    .orderBy(desc(lastActivity), desc(remediations.createdAt), desc(remediations.id))
    .limit(limit);
  return rows.map(({ remediation, component, environment }) => {
    const row: RemediationWithComponent = { ...remediation, component, environment };
    return row.status === 'pending_approval' ? { ...row, status: 'expired', finishedAt: row.expiresAt } : row;
  });
}
