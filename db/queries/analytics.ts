/**
 * The analytics page and export: the reference card's two queries expressed
 * with drizzle, plus remediation outcomes, recovery times and approval
 * decisions — each over a window [from, to] of the audit log.
 *
 * Card, Top Actions (24h):
 *   SELECT action_type, COUNT(*) FROM unified_brain
 *   WHERE agent_name LIKE '%self_healing%' AND executed_at > NOW() - INTERVAL '24 hours'
 *   GROUP BY action_type;
 * Card, Component Health:
 *   SELECT metadata->>'component', COUNT(*) as interventions FROM unified_brain
 *   WHERE agent_name LIKE '%self_healing%'
 *   GROUP BY metadata->>'component' ORDER BY interventions DESC;
 */
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNotNull, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { healthChecks, remediations, unifiedBrain } from '../schema';
import { SELF_HEALING_AGENTS } from './activity';
import { dateBin } from './date-bin';

export interface AnalyticsWindow {
  /** Exclusive, as the card's `executed_at > NOW() - INTERVAL …`. */
  from: Date;
  /** Inclusive; omitted = up to now. */
  to?: Date;
}

const b = unifiedBrain;
const count = sql<number>`count(*)`.mapWith(Number);
const component = sql<string | null>`${b.metadata}->>'component'`;

function inWindow(column: typeof b.executedAt | typeof remediations.finishedAt, w: AnalyticsWindow): SQL {
  return and(gt(column, w.from), w.to ? lte(column, w.to) : undefined)!;
}

/** Card "Top Actions": rows per action_type in the window, most frequent first. */
export function topActions(db: Db, w: AnalyticsWindow): Promise<{ actionType: string; count: number }[]> {
  return db
    .select({ actionType: b.actionType, count })
    .from(b)
    .where(and(like(b.agentName, SELF_HEALING_AGENTS), inWindow(b.executedAt, w)))
    .groupBy(b.actionType)
    .orderBy(desc(count), asc(b.actionType));
}

/**
 * Card "Component Health": rows per metadata->>'component' (null: console-wide
 * rows such as reconciliation cycles), most first. The card counts every row as
 * an intervention, health checks included; `healingActions` counts the rest.
 * Without a window it is the card's query over all time.
 */
export function interventionsPerComponent(
  db: Db,
  w?: AnalyticsWindow,
): Promise<{ component: string | null; interventions: number; healingActions: number }[]> {
  const interventions = sql<number>`count(*)`.mapWith(Number).as('interventions');
  return db
    .select({
      component,
      interventions,
      healingActions: sql<number>`count(*) filter (where ${b.actionType} <> 'proactive_health_check')`.mapWith(Number),
    })
    .from(b)
    .where(and(like(b.agentName, SELF_HEALING_AGENTS), w ? inWindow(b.executedAt, w) : undefined))
    .groupBy(component)
    .orderBy(desc(interventions), sql`1`);
}

/** Rows per action_type per time bucket, for the activity-over-time chart. */
export function actionsOverTime(
  db: Db,
  w: AnalyticsWindow,
  bucketSeconds: number,
): Promise<{ at: Date; actionType: string; count: number }[]> {
  const at = dateBin(b.executedAt, bucketSeconds);
  return db
    .select({ at, actionType: b.actionType, count })
    .from(b)
    .where(and(like(b.agentName, SELF_HEALING_AGENTS), inWindow(b.executedAt, w)))
    .groupBy(sql`1`, b.actionType)
    .orderBy(sql`1`, b.actionType);
}

export interface RemediationOutcomes {
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed); null when nothing finished in the window. */
  successRate: number | null;
}

/** Remediations that finished in the window, by outcome. */
export async function remediationOutcomes(db: Db, w: AnalyticsWindow): Promise<RemediationOutcomes> {
  const rows = await db
    .select({ status: remediations.status, count })
    .from(remediations)
    .where(and(inArray(remediations.status, ['succeeded', 'failed']), inWindow(remediations.finishedAt, w)))
    .groupBy(remediations.status);
  const succeeded = rows.find((r) => r.status === 'succeeded')?.count ?? 0;
  const failed = rows.find((r) => r.status === 'failed')?.count ?? 0;
  const finished = succeeded + failed;
  return { succeeded, failed, successRate: finished === 0 ? null : succeeded / finished };
}

export interface RecoveryTimes {
  /** Succeeded remediations whose component has recovered since (the ones measured). */
  count: number;
  /** Seconds from proposal (created_at) to the component's first healthy check after the action finished; null without data. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Succeeded remediations in the window whose component has not had a healthy check since. */
  notRecovered: number;
}

/**
 * Time from proposal to recovery of remediations that succeeded in the window.
 * A remediation "succeeding" only means the action ran (Render accepted the
 * restart); the component has recovered at its first healthy check at or after
 * the action finished — no metric over its warning threshold, prediction low, no
 * leak (what `unified_brain` records as status `healthy`). Those without one yet
 * are counted apart, not measured. A window with an end ignores checks after
 * it, so a report pinned to an end reads the same later.
 */
export async function recoveryTimes(db: Db, w: AnalyticsWindow): Promise<RecoveryTimes> {
  const recoveredAt = sql`(
    select min(${healthChecks.checkedAt}) from ${healthChecks}
    where ${healthChecks.componentId} = ${remediations.componentId}
      and ${healthChecks.checkedAt} >= ${remediations.finishedAt}
      and ${healthChecks.healthScore} >= 100
      and ${healthChecks.predictionLevel} = 'low'
      and not ${healthChecks.leakDetected}
      ${w.to ? sql`and ${healthChecks.checkedAt} <= ${w.to.toISOString()}::timestamptz` : sql``}
  )`;
  const measured = db
    .select({
      createdAt: sql`${remediations.createdAt}`.as('created_at'),
      recoveredAt: sql`${recoveredAt}`.as('recovered_at'),
    })
    .from(remediations)
    .where(and(eq(remediations.status, 'succeeded'), isNotNull(remediations.finishedAt), inWindow(remediations.finishedAt, w)))
    .as('measured');
  const seconds = sql`extract(epoch from ${measured.recoveredAt} - ${measured.createdAt})`;
  const nullableNumber = (v: unknown) => (v === null ? null : Number(v));
  const [row] = await db
    .select({
      count: sql<number>`count(${measured.recoveredAt})`.mapWith(Number),
      notRecovered: sql<number>`count(*) filter (where ${measured.recoveredAt} is null)`.mapWith(Number),
      medianSeconds: sql<number | null>`percentile_cont(0.5) within group (order by ${seconds})`.mapWith(nullableNumber),
      p90Seconds: sql<number | null>`percentile_cont(0.9) within group (order by ${seconds})`.mapWith(nullableNumber),
    })
    .from(measured);
  return {
    count: row?.count ?? 0,
    medianSeconds: row?.medianSeconds ?? null,
    p90Seconds: row?.p90Seconds ?? null,
    notRecovered: row?.notRecovered ?? 0,
  };
}

/** `remediation_approval` rows in the window by metadata.decision (approved / rejected). */
export function approvalDecisions(db: Db, w: AnalyticsWindow): Promise<{ decision: string; count: number }[]> {
  const decision = sql<string>`coalesce(${b.metadata}->>'decision', 'unknown')`;
  return db
    .select({ decision, count })
    .from(b)
    .where(and(like(b.agentName, SELF_HEALING_AGENTS), eq(b.actionType, 'remediation_approval'), inWindow(b.executedAt, w)))
    .groupBy(sql`1`)
    .orderBy(desc(count), sql`1`);
}
