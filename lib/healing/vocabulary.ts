/**
 * The domain's words: prediction levels and trends, which remediation actions exist, how a component's
 * policy lets them run, the risks they carry. Defined here (pure, no I/O) and
 * imported by db/schema.ts for its column enums, so the database stores the
 * domain's vocabulary rather than defining it. What each action *does* lives
 * in its registry module (lib/remediation/actions/).
 */

/** The card's four prediction levels, most urgent first (the overview's order too). */
export const PREDICTION_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type PredictionLevel = (typeof PREDICTION_LEVELS)[number];

/** A component's health trend over its recent checks. */
export const TRENDS = ['improving', 'stable', 'declining'] as const;
export type Trend = (typeof TRENDS)[number];

export const REMEDIATION_ACTIONS = ['restart', 'rollback', 'memory_cleanup', 'scale'] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

/**
 * The `unified_brain` action_type each action's executions are recorded as (the
 * original module's names, SPEC §5). Keyed by action, so an action without one
 * fails to compile; each registry module's `brainAction` reads it.
 */
export const REMEDIATION_BRAIN_ACTIONS = {
  restart: 'service_restart',
  rollback: 'automatic_rollback',
  memory_cleanup: 'memory_leak_cleanup',
  scale: 'service_scaled',
} as const satisfies Record<RemediationAction, string>;
export type RemediationBrainAction = (typeof REMEDIATION_BRAIN_ACTIONS)[RemediationAction];

/** The other `unified_brain` action_types the console writes: checks, recoveries, passes, decisions. */
export const CONSOLE_BRAIN_ACTIONS = [
  'proactive_health_check',
  'db_connection_recovered',
  'reconciliation_cycle',
  'remediation_approval',
  'alert_firing',
  'alert_resolved',
] as const;
export type BrainActionType = (typeof CONSOLE_BRAIN_ACTIONS)[number] | RemediationBrainAction;

/** Every action_type the console writes to `unified_brain` (the activity filters, the analytics series): checks first, then actions. */
export const BRAIN_ACTION_TYPES: readonly BrainActionType[] = [
  'proactive_health_check',
  ...REMEDIATION_ACTIONS.map((action) => REMEDIATION_BRAIN_ACTIONS[action]),
  ...CONSOLE_BRAIN_ACTIONS.slice(1),
];

/**
 * proposed → pending_approval → approved → executing → succeeded | failed;
 * pending_approval → rejected | expired. Low-risk ones go proposed → approved directly.
 */
export const REMEDIATION_STATUSES = [
  'proposed',
  'pending_approval',
  'approved',
  'executing',
  'succeeded',
  'failed',
  'rejected',
  'expired',
] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/**
 * Statuses in which a remediation is still going to do something — "open".
 * At most one open remediation per component and action: the partial unique
 * index remediations_one_open_idx (db/schema.ts) is built from this list, and
 * the `open` predicate of db/queries/remediations.ts reads it too.
 */
export const OPEN_REMEDIATION_STATUSES = ['proposed', 'pending_approval', 'approved', 'executing'] as const satisfies readonly RemediationStatus[];
export type OpenRemediationStatus = (typeof OPEN_REMEDIATION_STATUSES)[number];

/** The one status in which a person decides (until `expires_at`; past it the remediation has lapsed). */
export const AWAITING_DECISION_STATUS = 'pending_approval' satisfies OpenRemediationStatus;

/** Statuses of a remediation that will run or ran: what the guardrails (cooldown, hourly cap) count. */
export const COMMITTED_REMEDIATION_STATUSES = ['approved', 'executing', 'succeeded', 'failed'] as const satisfies readonly RemediationStatus[];

/** Statuses a remediation reaches once someone (or the policy) decided it, or nobody did in time. */
export const DECIDED_REMEDIATION_STATUSES = ['approved', 'executing', 'succeeded', 'failed', 'rejected', 'expired'] as const satisfies readonly RemediationStatus[];

/** How remediations for a component run: `default` = the risk policy of SPEC §4. */
export const REMEDIATION_POLICIES = ['default', 'auto', 'approval', 'never'] as const;
export type RemediationPolicy = (typeof REMEDIATION_POLICIES)[number];

export const ROLLBACK_TYPES = ['previous_state', 'config', 'deployment'] as const;
export type RollbackType = (typeof ROLLBACK_TYPES)[number];

export const RISKS = ['low', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** What an action needs: the rollback type, the Render service to act on, the instance count asked for. */
export interface RemediationParams {
  rollback_type?: RollbackType;
  service_id?: string | null;
  /** A scale to this many instances… */
  num_instances?: number;
  /** …or by this many more (fewer when negative) than run now. */
  by?: number;
}
