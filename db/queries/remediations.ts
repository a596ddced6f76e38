/**
 * Remediation records: their state machine and every read of them. Every
 * transition is one conditional UPDATE (`… WHERE status = <from> RETURNING`),
 * so when several workers or approvers race, exactly one wins and the others
 * see `undefined`.
 *
 * What "open", "awaiting a decision" and "lapsed" mean is said once, by the
 * named predicates in `remediationIs` below, over the statuses of the domain's
 * vocabulary (lib/healing/vocabulary.ts) — the same list the partial unique
 * index remediations_one_open_idx is built from (db/schema.ts).
 */
import 'server-only';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  AWAITING_DECISION_STATUS,
  COMMITTED_REMEDIATION_STATUSES,
  DECIDED_REMEDIATION_STATUSES,
  OPEN_REMEDIATION_STATUSES,
} from '@/lib/healing/vocabulary';
import type { Db } from '../client';
import {
  components,
  remediations,
  type NewRemediation,
  type OpenRemediationStatus,
  type Remediation,
  type RemediationAction,
  type RemediationStatus,
} from '../schema';

const status = remediations.status;
const pending = eq(status, AWAITING_DECISION_STATUS);

/** The named predicates. Past `expires_at` a pending remediation has lapsed: nobody can approve it, the sweep expires it. */
export const remediationIs = {
  /** Still going to do something; at most one per component and action (ONE_OPEN_INDEX). Includes what lapsed until the sweep expires it. */
  open: inArray(status, [...OPEN_REMEDIATION_STATUSES]),
  /** Waiting for a person, who can still decide it. */
  awaitingDecision: (now: Date): SQL => and(pending, gt(remediations.expiresAt, now))!,
  /** Waiting for a person past its expiry (or with none): no decision can be taken any more. */
  lapsed: (now: Date): SQL => and(pending, or(isNull(remediations.expiresAt), lte(remediations.expiresAt, now)))!,
  /** Open and not lapsed: what the pages show as in progress. */
  live: (now: Date): SQL =>
    or(inArray(status, OPEN_REMEDIATION_STATUSES.filter((s) => s !== AWAITING_DECISION_STATUS)), remediationIs.awaitingDecision(now))!,
  /** Will run or ran: what the guardrails count. */
  committed: inArray(status, [...COMMITTED_REMEDIATION_STATUSES]),
  /** Decided (by a person or the policy), or past the time anyone could: the approvals history. */
  decided: (now: Date): SQL => or(inArray(status, [...DECIDED_REMEDIATION_STATUSES]), remediationIs.lapsed(now))!,
};

/** awaitingDecision of a row in hand (a locked row at approval), the same rule as the SQL one. */
export function awaitsDecision(r: Pick<Remediation, 'status' | 'expiresAt'>, now: Date): boolean {
  return r.status === AWAITING_DECISION_STATUS && r.expiresAt !== null && r.expiresAt.getTime() > now.getTime();
}

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
    .where(and(eq(remediations.componentId, componentId), eq(remediations.action, action), remediationIs.open))
    .limit(1);
  return row;
}

/** One pending_approval past its expiry → expired (what the sweep would do), so it stops counting as open. */
export async function expireIfLapsed(db: Db, id: string, now: Date): Promise<Remediation | undefined> {
  const [row] = await db
    .update(remediations)
    .set({ status: 'expired', finishedAt: now })
    .where(and(eq(remediations.id, id), remediationIs.lapsed(now)))
    .returning();
  return row;
}

/** An open remediation of this component (any action), if one exists — the reconciler never stacks them. */
export async function openRemediationFor(db: Db, componentId: string): Promise<Remediation | undefined> {
  const [row] = await db
    .select()
    .from(remediations)
    .where(and(eq(remediations.componentId, componentId), remediationIs.open))
    .limit(1);
  return row;
}

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
        remediationIs.committed,
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
    .where(and(eq(remediations.id, id), remediationIs.awaitingDecision(decision.now)))
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
    .where(remediationIs.lapsed(now))
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

// ---- Read models: the approvals page, the overview's proposals, the pending counts ----

/** Pending remediations an approver can still decide, oldest first: the approval queue (page and API). */
export async function decidableApprovals(db: Db, now: Date, limit = 200): Promise<RemediationWithComponent[]> {
  const rows = await db
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(remediationIs.awaitingDecision(now))
    .orderBy(asc(remediations.createdAt), asc(remediations.id))
    .limit(limit);
  return rows.map(flatten);
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
 * A lapsed remediation is listed as `expired` even before the reconciler's
 * next pass marks it so: nobody can approve it any more (decide() refuses it),
 * and hiding it from both tabs would lose it.
 */
export async function approvalHistory(db: Db, options: HistoryOptions): Promise<RemediationWithComponent[]> {
  const { now, limit = 100, includePolicy = false } = options;
  const lastActivity = sql`coalesce(${remediations.finishedAt}, ${remediations.decidedAt}, ${remediations.expiresAt}, ${remediations.createdAt})`;
  const rows = await db
    .select(withComponent)
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(and(remediationIs.decided(now), includePolicy ? undefined : eq(remediations.risk, 'high')))
    .orderBy(desc(lastActivity), desc(remediations.createdAt), desc(remediations.id))
    .limit(limit);
  return rows.map((r) => {
    const row = flatten(r);
    return row.status === AWAITING_DECISION_STATUS ? { ...row, status: 'expired', finishedAt: row.expiresAt } : row;
  });
}

/** Component name → remediations awaiting a decision (components without any are absent). */
export async function pendingApprovalCounts(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await db
    .select({ name: components.name, n: count() })
    .from(remediations)
    .innerJoin(components, eq(components.id, remediations.componentId))
    .where(remediationIs.awaitingDecision(now))
    .groupBy(components.name);
  return new Map(rows.map((r) => [r.name, r.n]));
}

export async function pendingApprovalCount(db: Db, componentId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(remediations)
    .where(and(eq(remediations.componentId, componentId), remediationIs.awaitingDecision(now)));
  return row?.n ?? 0;
}

/** All requests awaiting a decision (the /metrics gauge). */
export async function pendingApprovalTotal(db: Db, now: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(remediations).where(remediationIs.awaitingDecision(now));
  return row?.n ?? 0;
}

export type OpenStatus = OpenRemediationStatus;

/** What the pages say of a live remediation (the overview's proposals). */
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

/**
 * Live remediations, oldest first like the approval queue: of every component, or of one (`componentId`).
 * At most `limit`; the reconciler keeps one open per component, people rarely more.
 */
export async function liveRemediations(db: Db, now: Date, options: { componentId?: string; limit?: number } = {}): Promise<OpenRemediation[]> {
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
    .where(and(remediationIs.live(now), options.componentId ? eq(remediations.componentId, options.componentId) : undefined))
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
