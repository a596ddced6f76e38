/**
 * The overview's read model (also what GET /api/v1/overview answers and the
 * predictions page shows): every component's latest health, its open approval
 * requests, and what the console proposes for it.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { firingAlertsByComponent } from '@/db/queries/alerts';
import { liveRemediations, pendingApprovalCounts, rejectionsSince, type OpenRemediation } from '@/db/queries/remediations';
import { automationPause } from '@/db/queries/settings';
import type { AlertRow, Component, RemediationAction } from '@/db/schema';
import { healingTriggers } from '@/lib/config';
import { nextAction } from '@/lib/dashboard/next-action';
import { actionOf } from '@/lib/remediation/actions';
import { capabilitiesOf, factsOf, factsOfAll, type CapabilityFacts } from '@/lib/remediation/capabilities';
import type { ConsoleProposal, OpenRemediationView } from '@/lib/dashboard/proposal';
import { bandForLevel } from '@/lib/healing/levels';
import type { HealingTriggers } from '@/lib/healing/types';
import { remediationDeps } from '@/lib/remediation/deps';
import { alertTriggers } from '@/lib/remediation/evidence';
import type { ExecutorRegistry } from '@/lib/remediation/types';
import { alertView, currentAlertRouting, type AlertView } from './alerts';
import { componentsWithSummaries, type ComponentSummary } from './components';
import type { HealthReport } from './health-report';
import { sourceStatusViews, type ComponentSourceStatus } from './source-status';

export interface OverviewRow extends ComponentSummary {
  /** Remediations of this component waiting for an approver (not yet expired). */
  pending_approvals: number;
  /** What the console proposes: the card's action, the reconciler's next proposal, open remediations. */
  console_proposal: ConsoleProposal;
  /** Alertmanager alerts firing for it now, oldest first ("firing: HighErrorRate since 12:03 UTC"). */
  firing_alerts: AlertView[];
}

export interface Overview {
  generated_at: string;
  /** The reconciler ignores checks older than this (MAX_EVIDENCE_AGE_SECONDS); the pages call them stale. */
  max_evidence_age_seconds: number;
  components: OverviewRow[];
  /** Prometheus pulls whose last attempt failed: a component fed by a broken source must not read as merely healthy. */
  failing_sources: ComponentSourceStatus[];
}

/** What the overview needs from the console's configuration; injectable for tests. */
export interface OverviewDeps {
  triggers: HealingTriggers;
  maxEvidenceAgeMs: number;
  rejectionSnoozeMs: number;
  /** What acts on each component: its capabilities come from them, as on the request path (factsOf). */
  executors: ExecutorRegistry;
  now?: () => Date;
}

export function defaultOverviewDeps(): OverviewDeps {
  const deps = remediationDeps();
  return {
    triggers: healingTriggers(),
    maxEvidenceAgeMs: deps.settings.maxEvidenceAgeMs,
    rejectionSnoozeMs: deps.settings.rejectionSnoozeMs,
    executors: deps.executors,
  };
}

function openView(r: OpenRemediation): OpenRemediationView {
  return {
    id: r.id,
    action: r.action,
    params: r.params,
    action_name: actionOf(r.action).describeParams(r.params),
    status: r.status,
    risk: r.risk,
    requested_by: r.requestedBy,
    created_at: r.createdAt.toISOString(),
    expires_at: r.expiresAt?.toISOString() ?? null,
  };
}

/** The facts a proposal is built from, read once for all components (or for one). */
interface ProposalFacts {
  open: OpenRemediation[];
  /** Newest decision first. */
  rejections: { component: string; action: RemediationAction; decidedAt: Date }[];
  paused: boolean;
  /** Component id → its firing alerts at a healing severity (triggers of the next pass). */
  healingAlerts: Map<string, AlertRow[]>;
}

/** Firing alerts by component, and which of them heal (the admin's severities). */
async function firingAlerts(db: Db, componentId?: string) {
  const [routing, firing] = await Promise.all([currentAlertRouting(db), firingAlertsByComponent(db, undefined, componentId)]);
  const views = new Map<string, AlertView[]>();
  const healing = new Map<string, AlertRow[]>();
  for (const [id, rows] of firing) {
    const shown = rows.map((row) => alertView(row, routing.healingSeverities));
    views.set(id, shown);
    const heals = rows.filter((_, i) => shown[i]!.healing);
    if (heals.length > 0) healing.set(id, heals);
  }
  return { views, healing };
}

function buildProposal(
  component: Component,
  report: HealthReport | null,
  capabilityFacts: CapabilityFacts,
  facts: ProposalFacts,
  deps: OverviewDeps,
): ConsoleProposal {
  return {
    recommended_action: bandForLevel(report?.failure_prediction.level ?? 'low').recommended_action,
    next: report || facts.healingAlerts.has(component.id)
      ? nextAction(report, {
          alerts: alertTriggers(facts.healingAlerts.get(component.id) ?? []),
          component,
          triggers: deps.triggers,
          capabilities: capabilitiesOf(component, capabilityFacts),
          paused: facts.paused,
          // Newest first: the latest rejection decides when the snooze ends.
          rejectedAt: (action) => facts.rejections.find((r) => r.component === component.name && r.action === action)?.decidedAt ?? null,
          rejectionSnoozeMs: deps.rejectionSnoozeMs,
        })
      : null,
    open: facts.open.filter((r) => r.component === component.name).map(openView),
  };
}

/** One component's proposal (the component page). */
export async function proposalFor(
  db: Db,
  component: Component,
  report: HealthReport | null,
  deps: OverviewDeps,
  now: Date = new Date(),
): Promise<ConsoleProposal> {
  const [open, rejections, pause, capabilityFacts, alerts] = await Promise.all([
    liveRemediations(db, now, { componentId: component.id }),
    rejectionsSince(db, new Date(now.getTime() - deps.rejectionSnoozeMs), component.id),
    automationPause(db),
    factsOf(db, component, deps.executors),
    firingAlerts(db, component.id),
  ]);
  return buildProposal(component, report, capabilityFacts, { open, rejections, paused: pause.paused, healingAlerts: alerts.healing }, deps);
}

export async function overview(db: Db, deps: OverviewDeps = defaultOverviewDeps()): Promise<Overview> {
  const now = deps.now?.() ?? new Date();
  const [rows, pending, open, rejections, pause, alerts, sourceStatuses] = await Promise.all([
    componentsWithSummaries(db),
    pendingApprovalCounts(db, now),
    liveRemediations(db, now),
    rejectionsSince(db, new Date(now.getTime() - deps.rejectionSnoozeMs)),
    automationPause(db),
    firingAlerts(db),
    sourceStatusViews(db),
  ]);
  const capabilityFacts = await factsOfAll(db, rows.map((r) => r.component), deps.executors);
  const facts: ProposalFacts = { open, rejections, paused: pause.paused, healingAlerts: alerts.healing };
  return {
    generated_at: now.toISOString(),
    max_evidence_age_seconds: deps.maxEvidenceAgeMs / 1000,
    components: rows.map(({ component, summary }) => ({
      ...summary,
      pending_approvals: pending.get(summary.name) ?? 0,
      console_proposal: buildProposal(component, summary.latest_health, capabilityFacts.get(component.id)!, facts, deps),
      firing_alerts: alerts.views.get(component.id) ?? [],
    })),
    failing_sources: sourceStatuses.filter((s) => !s.ok),
  };
}
