/**
 * "What the console proposes" for one component, as the overview and the
 * predictions page say it. Pure: the server gathers the facts (the card's
 * recommended action, the reconciler's plan for the latest check, open
 * remediations), these functions turn them into words.
 */
import type { RemediationAction, RemediationParams, Risk } from '@/db/schema';
import type { OpenStatus } from '@/db/queries/remediations';

/** A remediation still under way, as the pages show it. */
export interface OpenRemediationView {
  id: string;
  action: RemediationAction;
  params: RemediationParams;
  /** "rollback (deployment)": the action's own words (its registry module). */
  action_name: string;
  status: OpenStatus;
  risk: Risk;
  requested_by: string;
  created_at: string;
  expires_at: string | null;
}

/**
 * What the reconciler proposes for the latest check (lib/healing/remediation-plan.ts)
 * and what then happens to it:
 *   approval  — it waits in the approval queue for a second person;
 *   automatic — it runs at once (low risk);
 *   refused   — the component's policy is "never";
 *   unavailable — it cannot run here (`why`: no service to act on, no previous state);
 *   paused    — an admin paused automatic remediation;
 *   snoozed   — a person rejected this action recently; not asked again until `until`.
 */
export interface NextAction {
  action: RemediationAction;
  params: RemediationParams;
  /** "rollback (deployment)": the action's own words (its registry module). */
  action_name: string;
  reason: string;
  outcome: 'approval' | 'automatic' | 'refused' | 'unavailable' | 'paused' | 'snoozed';
  /** Snoozed: when the reconciler may propose it again (ISO). */
  until: string | null;
  /** Refused or unavailable: why, in a few words. */
  why: string | null;
}

export interface ConsoleProposal {
  /** The reference card's action for the prediction level ("Normal operation" … "Restart/Rollback"). */
  recommended_action: string;
  /** Null when no healing trigger fires and no leak is detected: the reconciler leaves it alone. */
  next: NextAction | null;
  /** Open remediations of the component, oldest first. */
  open: OpenRemediationView[];
}

const STATUS_WORDS: Record<OpenStatus, string> = {
  proposed: 'proposed',
  pending_approval: 'waiting for approval',
  approved: 'approved, starting',
  executing: 'executing',
};

export interface ProposalLine {
  text: string;
  /** Where to act or follow it: the request in the approval queue. */
  href: string | null;
  /** active: something is under way or about to be; hold: it will not happen now; idle: nothing to heal. */
  kind: 'active' | 'hold' | 'idle';
}

function nextLine(next: NextAction, stale: boolean): ProposalLine {
  const name = next.action_name;
  if (stale) return { text: `${name} · on hold: no fresh check`, href: null, kind: 'hold' };
  switch (next.outcome) {
    case 'approval':
      return { text: `${name} · will ask for approval`, href: null, kind: 'active' };
    case 'automatic':
      return { text: `${name} · runs automatically`, href: null, kind: 'active' };
    case 'refused':
    case 'unavailable':
      return { text: `${name} · cannot run: ${next.why ?? 'refused'}`, href: null, kind: 'hold' };
    case 'paused':
      return { text: `${name} · on hold: automation paused`, href: null, kind: 'hold' };
    case 'snoozed':
      return {
        text: `${name} · rejected recently; not proposed before ${next.until ? next.until.slice(11, 16) + ' UTC' : 'the snooze ends'}`,
        href: null,
        kind: 'hold',
      };
  }
}

/**
 * The lines of the "Console proposes" cell: the open remediations (each linking
 * to its approval request while it waits), else what the reconciler will
 * propose for the latest check, else the card's recommended action.
 * `stale`: the latest check is older than the reconciler acts on.
 */
export function proposalLines(p: ConsoleProposal, stale: boolean): ProposalLine[] {
  if (p.open.length > 0) {
    return p.open.map((o) => ({
      text: `${o.action_name} · ${STATUS_WORDS[o.status]}`,
      href: o.status === 'pending_approval' ? approvalHref(o.id) : null,
      kind: 'active',
    }));
  }
  if (p.next) return [nextLine(p.next, stale)];
  return [{ text: p.recommended_action, href: null, kind: 'idle' }];
}

/** The request's card in the approval queue. */
export function approvalHref(id: string): string {
  return `/approvals#${encodeURIComponent(id)}`;
}

/** The oldest request of this component still waiting for a decision, if any. */
export function firstPendingId(p: ConsoleProposal): string | null {
  return p.open.find((o) => o.status === 'pending_approval')?.id ?? null;
}

/** Whether a check taken at `checkedAt` is older than the reconciler acts on (MAX_EVIDENCE_AGE_SECONDS). */
export function isStale(checkedAt: string, nowMs: number, maxAgeSeconds: number): boolean {
  return nowMs - Date.parse(checkedAt) > maxAgeSeconds * 1000;
}
