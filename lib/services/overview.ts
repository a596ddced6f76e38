/**
 * The overview's read model (also what GET /api/v1/overview answers and the
 * predictions page shows): every component's latest health, its open approval
 * requests, and what the console proposes for it.
 */
import type { Db } from '@/db/client';
import { openRemediations, rejectionsSince, type OpenRemediation } from '@/db/queries/open-remediations';
import { pendingApprovalCounts } from '@/db/queries/pending-approvals';
import { automationPause } from '@/db/queries/settings';
import type { Component } from '@/db/schema';
import { healingTriggers } from '@/lib/config';
import { nextAction } from '@/lib/dashboard/next-action';
import type { ConsoleProposal, OpenRemediationView } from '@/lib/dashboard/proposal';
import { bandForLevel } from '@/lib/healing/levels';
import type { HealingTriggers } from '@/lib/healing/types';
import { remediationDeps } from '@/lib/remediation/deps';
import { componentsWithSummaries, type ComponentSummary } from './components';

export interface OverviewRow extends ComponentSummary {
  /** Remediations of this component waiting for an approver (not yet expired). */
  pending_approvals: number;
  /** What the console proposes: the card's action, the reconciler's next proposal, open remediations. */
  console_proposal: ConsoleProposal;
}

export interface Overview {
  generated_at: string;
  /** The reconciler ignores checks older than this (MAX_EVIDENCE_AGE_SECONDS); the pages call them stale. */
  max_evidence_age_seconds: number;
  components: OverviewRow[];
}

/** What the overview needs from the console's configuration; injectable for tests. */
export interface OverviewDeps {
  triggers: HealingTriggers;
  maxEvidenceAgeMs: number;
  rejectionSnoozeMs: number;
  /** Whether the console can run a memory cleanup on this component (else a leak gets a restart). */
  cleanupHook: (component: Component) => boolean;
  now?: () => Date;
}

export function defaultOverviewDeps(): OverviewDeps {
  const deps = remediationDeps();
  return {
    triggers: healingTriggers(),
    maxEvidenceAgeMs: deps.settings.maxEvidenceAgeMs,
    rejectionSnoozeMs: deps.settings.rejectionSnoozeMs,
    cleanupHook: (component) => deps.executors.cleanup(component) !== null,
  };
}

function openView(r: OpenRemediation): OpenRemediationView {
  return {
    id: r.id,
    action: r.action,
    params: r.params,
    status: r.status,
    risk: r.risk,
    requested_by: r.requestedBy,
    created_at: r.createdAt.toISOString(),
    expires_at: r.expiresAt?.toISOString() ?? null,
  };
}

export async function overview(db: Db, deps: OverviewDeps = defaultOverviewDeps()): Promise<Overview> {
  const now = deps.now?.() ?? new Date();
  const [rows, pending, open, rejections, pause] = await Promise.all([
    componentsWithSummaries(db),
    pendingApprovalCounts(db),
    openRemediations(db),
    rejectionsSince(db, new Date(now.getTime() - deps.rejectionSnoozeMs)),
    automationPause(db),
  ]);
  const openBy = new Map<string, OpenRemediation[]>();
  for (const r of open) openBy.set(r.component, [...(openBy.get(r.component) ?? []), r]);
  return {
    generated_at: now.toISOString(),
    max_evidence_age_seconds: deps.maxEvidenceAgeMs / 1000,
    components: rows.map(({ component, summary }) => {
      const report = summary.latest_health;
      const proposal: ConsoleProposal = {
        recommended_action: bandForLevel(report?.failure_prediction.level ?? 'low').recommended_action,
        next: report
          ? nextAction(report, {
              component,
              triggers: deps.triggers,
              cleanupHook: deps.cleanupHook(component),
              paused: pause.paused,
              // Newest first: the latest rejection decides when the snooze ends.
              rejectedAt: (action) => rejections.find((r) => r.component === component.name && r.action === action)?.decidedAt ?? null,
              rejectionSnoozeMs: deps.rejectionSnoozeMs,
            })
          : null,
        open: (openBy.get(component.name) ?? []).map(openView),
      };
      return { ...summary, pending_approvals: pending.get(summary.name) ?? 0, console_proposal: proposal };
    }),
  };
}
