/**
 * The analytics report for one window: what the page charts and what the
 * export's summary carries, so both always say the same thing.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { countActivity } from '@/db/queries/activity';
import {
  actionsOverTime,
  approvalDecisions,
  interventionsPerComponent,
  recoveryTimes,
  remediationOutcomes,
  topActions,
} from '@/db/queries/analytics';
import { bucketSecondsFor } from '@/lib/dashboard/buckets';
import { DURATION_SECONDS, windowEnding, type AnalyticsWindow } from '@/lib/dashboard/durations';

/** The activity-over-time chart needs far fewer bars than a line chart has points. */
const TIMELINE_BARS = 48;

export interface AnalyticsReport {
  window: AnalyticsWindow;
  from: string;
  to: string;
  total_rows: number;
  top_actions: { action_type: string; count: number }[];
  interventions: { component: string | null; interventions: number; healing_actions: number }[];
  remediations: { succeeded: number; failed: number; success_rate: number | null };
  /** Proposal → recovery of remediations that succeeded in the window, seconds. */
  /** Proposal → the component's first healthy check after the action finished (succeeded remediations). */
  recovery_time: { count: number; median_seconds: number | null; p90_seconds: number | null; not_recovered: number };
  approvals: { decision: string; count: number }[];
  timeline: { bucket_seconds: number; points: { t: number; action_type: string; count: number }[] };
}

export async function analyticsReport(db: Db, window: AnalyticsWindow, until: Date): Promise<AnalyticsReport> {
  const w = windowEnding(window, until);
  const bucketSeconds = bucketSecondsFor(DURATION_SECONDS[window], TIMELINE_BARS);
  const [total, top, interventions, outcomes, recovery, approvals, timeline] = await Promise.all([
    countActivity(db, { since: w.from, until: w.to }),
    topActions(db, w),
    interventionsPerComponent(db, w),
    remediationOutcomes(db, w),
    recoveryTimes(db, w),
    approvalDecisions(db, w),
    actionsOverTime(db, w, bucketSeconds),
  ]);
  return {
    window,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    total_rows: total,
    top_actions: top.map((r) => ({ action_type: r.actionType, count: r.count })),
    interventions: interventions.map((r) => ({ component: r.component, interventions: r.interventions, healing_actions: r.healingActions })),
    remediations: { succeeded: outcomes.succeeded, failed: outcomes.failed, success_rate: outcomes.successRate },
    recovery_time: {
      count: recovery.count,
      median_seconds: recovery.medianSeconds,
      p90_seconds: recovery.p90Seconds,
      not_recovered: recovery.notRecovered,
    },
    approvals,
    timeline: {
      bucket_seconds: bucketSeconds,
      points: timeline.map((r) => ({ t: r.at.getTime(), action_type: r.actionType, count: r.count })),
    },
  };
}
