/**
 * Remediation records and their state machine. Every transition is one
 * conditional UPDATE (`… WHERE status = <from> RETURNING`), so when several
 * workers or approvers race, exactly one wins and the others see `undefined`.
 */
import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  components,
  OPEN_REMEDIATION_STATUSES,
  remediations,
  type NewRemediation,
  type Remediation,
  type RemediationAction,
  type RemediationStatus,
} from '../schema';

const OPEN_STATUSES: RemediationStatus[] = [...OPEN_REMEDIATION_STATUSES];

/** The unique index that allows one open remediation per component and action (db/schema.ts). */
export const ONE_OPEN_INDEX = 'remediations_one_open_idx';

export type RemediationWithComponent = Remediation & { component: string; environment: string };

const withComponent = {
  remediation: remediations,
  component: components.name,
  environment: components.environment,
};
const flatten = (r: { remediation: Remediation; component: string; environment: string }): RemediationWithComponent => ({
  ...r.remediation,
  component: r.component,
  environment: r.environment,
});

export async function insertRemediation(db: Db, values: NewRemediation): Promise<Remediation> {
  const [row] = await db.insert(remediations).values(values).returning();
  return row!;
}

export async function findRemediation(db: Db, id: string): Promise<RemediationWithComponent | undefined> {
  const [row] = await db
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(eq(remediations.id, id))
    .limit(1);
  return row && flatten(row);
}

/**
 * The remediation, its row locked until the transaction ends: the expiry sweep
 * (expirePending) then waits for a decision in progress instead of racing it.
 */
export async function lockRemediation(tx: Db, id: string): Promise<RemediationWithComponent | undefined> {
  const [row] = await tx
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(eq(remediations.id, id))
    .for('update', { of: remediations })
    .limit(1);
  return row && flatten(row);
}

/** The open remediation of this component and action, if any (at most one exists: ONE_OPEN_INDEX). */
export async function openRemediationOf(db: Db, componentId: string, action: RemediationAction): Promise<Remediation | undefined> {
  const [row] = await db
    .select()
    .from(remediations)
    .where(and(eq(remediations.componentId, componentId), eq(remediations.action, action), inArray(remediations.status, OPEN_STATUSES)))
    .limit(1);
  return row;
}

/** One pending_approval past its expiry → expired (what the sweep would do), so it stops counting as open. */
export async function expireIfLapsed(db: Db, id: string, now: Date): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({ status: 'expired', finishedAt: now })
    .where(and(eq(remediations.id, id), eq(remediations.status, 'pending_approval'), lte(remediations.expiresAt, now)))
    .returning();
  return row;
}

/** The approval queue: oldest first, so nothing waits behind newer requests. */
export async function listByStatus(
  db: Db,
  statuses: RemediationStatus[],
  options: { limit?: number } = {},
): Promise<RemediationWithComponent[]> {
  const rows = await db
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(inArray(remediations.status, statuses))
    .orderBy(asc(remediations.createdAt))
    .limit(options.limit ?? 200);
  return rows.map(flatten);
}

/** An open remediation of this component (any action), if one exists — the reconciler never stacks them. */
export async function openRemediationFor(db: Db, componentId: string): Promise<Remediation | undefined> {
  const [row] = await db
    .select()
    .from(remediations)
    .where(and(eq(remediations.componentId, componentId), inArray(remediations.status, OPEN_STATUSES)))
    .limit(1);
  return row;
}

/** Statuses of a remediation that will run or ran: what the guardrails count. */
const COMMITTED_STATUSES: RemediationStatus[] = ['approved', 'executing', 'succeeded', 'failed'];

/**
 * The guardrails' history: a component's remediations that were cleared to run
 * since `since` — started ones at their start, approved-not-yet-started ones at
 * their approval, so two requests in quick succession cannot both pass a cooldown.
 */
export async function executionsSince(
  db: Db,
  componentId: string,
  since: Date,
): Promise<{ action: RemediationAction; startedAt: Date; automatic: boolean }[]> {
  const at = sql<Date>`coalesce(${remediations.startedAt}, ${remediations.decidedAt}, ${remediations.createdAt})`.mapWith(
    remediations.startedAt,
  );
  const rows = await db
    .select({ action: remediations.action, at, automatic: remediations.automatic })
    .from(remediations)
    .where(
      and(
        eq(remediations.componentId, componentId),
        inArray(remediations.status, COMMITTED_STATUSES),
        sql`${at} >= ${since.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((r) => ({ action: r.action, startedAt: r.at, automatic: r.automatic }));
}

/**
 * Approved rows nobody claimed within `graceMs` (the process died between
 * approval and execution). Nothing ran, so they are safe to pick up.
 */
export async function unclaimedApproved(db: Db, now: Date, graceMs: number): Promise<Remediation[]> {
  return db
    .select()
    .from(remediations)
    .where(
      and(
        eq(remediations.status, 'approved'),
        // A plain SQL expression gets no column encoder, so the instant goes in as ISO text.
        sql`coalesce(${remediations.decidedAt}, ${remediations.createdAt}) < ${new Date(now.getTime() - graceMs).toISOString()}::timestamptz`,
      ),
    );
}

/** approved → failed without running (an approval too old to act on). */
export async function failUnstarted(db: Db, id: string, now: Date, error: string): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({ status: 'failed', finishedAt: now, error })
    .where(and(eq(remediations.id, id), eq(remediations.status, 'approved')))
    .returning();
  return row;
}

/** pending_approval → approved | rejected, by one decider. Undefined when it was no longer pending (or expired). */
export async function decideRemediation(
  db: Db,
  id: string,
  decision: { status: 'approved' | 'rejected'; by: string; byUserId: string | null; reason: string | null; now: Date },
): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({
      status: decision.status,
      decidedBy: decision.by,
      decidedByUserId: decision.byUserId,
      decidedAt: decision.now,
      decisionReason: decision.reason,
    })
    .where(
      and(eq(remediations.id, id), eq(remediations.status, 'pending_approval'), gt(remediations.expiresAt, decision.now)),
    )
    .returning();
  return row;
}

/**
 * approved → executing, with a lease. The single statement that makes a
 * remediation run at most once: racing claimers all issue it, one gets the row.
 */
export async function claimForExecution(db: Db, id: string, now: Date, leaseMs: number): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({ status: 'executing', startedAt: now, leaseExpiresAt: new Date(now.getTime() + leaseMs) })
    .where(and(eq(remediations.id, id), eq(remediations.status, 'approved')))
    .returning();
  return row;
}

/** executing → succeeded | failed. Only the holder of the claim finishes it. */
export async function finishExecution(
  db: Db,
  id: string,
  outcome: { success: boolean; result: Record<string, unknown>; error: string | null; now: Date },
): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({
      status: outcome.success ? 'succeeded' : 'failed',
      result: outcome.result,
      error: outcome.error,
      finishedAt: outcome.now,
      leaseExpiresAt: null,
    })
    .where(and(eq(remediations.id, id), eq(remediations.status, 'executing')))
    .returning();
  return row;
}

/**
 * The outcome an executor reported after its lease had expired and the row was
 * already marked failed (failLapsedLeases). The status stays `failed` — the
 * console lost track of the action, and a failed row is never re-run — but the
 * row now says what the executor reported, so a person need not guess.
 */
export async function recordLateOutcome(
  db: Db,
  id: string,
  late: { result: Record<string, unknown>; note: string },
): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({ result: late.result, error: sql`coalesce(${remediations.error} || '; ', '') || ${late.note}` })
    .where(and(eq(remediations.id, id), eq(remediations.status, 'failed')))
    .returning();
  return row;
}

/** pending_approval past its expiry → expired. Returns what expired. */
export async function expirePending(db: Db, now: Date): Promise<Remediation[]> {
  return db
    .update(remediations)
    .set({ status: 'expired', finishedAt: now })
    .where(and(eq(remediations.status, 'pending_approval'), lt(remediations.expiresAt, now)))
    .returning();
}

/**
 * executing past its lease → failed. The executor died mid-action; whether the
 * action took effect is unknown, so it is never re-run blindly — a person looks.
 */
export async function failLapsedLeases(db: Db, now: Date): Promise<Remediation[]> {
  return db
    .update(remediations)
    .set({
      status: 'failed',
      finishedAt: now,
      error: 'the executor stopped before reporting an outcome (lease expired); check the service before retrying',
    })
    .where(and(eq(remediations.status, 'executing'), lt(remediations.leaseExpiresAt, now)))
    .returning();
}

/** Newest first, optionally for one component and some statuses. */
export async function listRemediations(
  db: Db,
  filter: { component?: string; statuses?: RemediationStatus[]; limit: number },
): Promise<RemediationWithComponent[]> {
  const conditions = [
    filter.component ? eq(components.name, filter.component) : undefined,
    filter.statuses?.length ? inArray(remediations.status, filter.statuses) : undefined,
  ];
  const rows = await db
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(and(...conditions))
    .orderBy(desc(remediations.createdAt))
    .limit(filter.limit);
  return rows.map(flatten);
}

/** Whether a person rejected this action for this component since `since` (the reconciler then holds off). */
export async function rejectedSince(db: Db, componentId: string, action: RemediationAction, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: remediations.id })
    .from(remediations)
    .where(
      and(
        eq(remediations.componentId, componentId),
        eq(remediations.action, action),
        eq(remediations.status, 'rejected'),
        gte(remediations.decidedAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}
