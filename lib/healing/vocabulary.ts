/**
 * The domain's words for remediation: which actions exist, how a component's
 * policy lets them run, the risks they carry. Defined here (pure, no I/O) and
 * imported by db/schema.ts for its column enums, so the database stores the
 * domain's vocabulary rather than defining it. What each action *does* lives
 * in its registry module (lib/remediation/actions/).
 */

export const REMEDIATION_ACTIONS = ['restart', 'rollback', 'memory_cleanup', 'scale'] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

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
