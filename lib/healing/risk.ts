/**
 * Risk policy (SPEC §4): which remediations run at once and which wait for a
 * second person. Pure; the component's environment and policy decide, and an
 * action aimed anywhere but the component's registered target always waits.
 */
import type { RemediationAction, RemediationPolicy, Risk } from './vocabulary';

export type RiskDecision = { allowed: true; risk: Risk; why: string } | { allowed: false; why: string };

/** The action as the policy sees it: its name and whether it changes what is running (its registry definition says). */
export interface RiskSubject {
  name: RemediationAction;
  /** Disruptive actions are risky wherever real users are. */
  disruptive: boolean;
}

/** What about a request, beyond action and component, can make it riskier. */
export interface RiskContext {
  /**
   * Set when the request names a Render service other than the component's
   * registered one: the component's environment and policy then say nothing
   * about what will really be restarted, so a second person must look.
   */
  retargetedTo?: string;
  /** Set when a `config` rollback would change one of these routing fields (see ROUTING_FIELDS). */
  rewritesRouting?: readonly string[];
}

export function riskFor(
  action: RiskSubject,
  component: { environment: string; policy: RemediationPolicy },
  context: RiskContext = {},
): RiskDecision {
  if (component.policy === 'never') return { allowed: false, why: 'the component’s remediation policy is "never"' };
  if (context.retargetedTo) {
    return { allowed: true, risk: 'high', why: `service_id ${context.retargetedTo} is not the component’s registered service: an approver must confirm the target` };
  }
  if (context.rewritesRouting?.length) {
    return { allowed: true, risk: 'high', why: `the restored config changes ${context.rewritesRouting.join(', ')}: an approver must confirm` };
  }
  switch (component.policy) {
    case 'auto':
      return { allowed: true, risk: 'low', why: 'policy "auto": every action runs without approval' };
    case 'approval':
      return { allowed: true, risk: 'high', why: 'policy "approval": every action needs an approver' };
    case 'default': {
      const high = component.environment === 'production' && action.disruptive;
      return high
        ? { allowed: true, risk: 'high', why: `${action.name} in production needs an approver` }
        : { allowed: true, risk: 'low', why: `${action.name} in ${component.environment} runs without approval` };
    }
  }
}

/**
 * Configuration fields that decide where actions land and how much scrutiny
 * they get. Whoever may change them could turn a production restart into an
 * unapproved one (say, by relabelling the component `staging`), so changing
 * them is an admin's decision; operators register components and tune thresholds.
 */
export const ROUTING_FIELDS = ['environment', 'policy', 'render_service_id', 'cleanup_url', 'max_instances'] as const;
export type RoutingField = (typeof ROUTING_FIELDS)[number];
/** `max_instances` (how far a scale may go) is absent from config versions recorded before scaling existed. */
export type RoutingConfig = { [K in Exclude<RoutingField, 'max_instances'>]: string | null } & { max_instances?: number | null };

/** A new component's routing before anyone configures it (the schema's defaults). */
export const DEFAULT_ROUTING: RoutingConfig = {
  environment: 'production',
  policy: 'default',
  render_service_id: null,
  cleanup_url: null,
  max_instances: null,
};

/** The routing fields that `changes` would set to something other than `current` (defaults for a new component). */
export function routingChanges(current: RoutingConfig | null, changes: Partial<Record<RoutingField, string | number | null | undefined>>): RoutingField[] {
  const base = current ?? DEFAULT_ROUTING;
  return ROUTING_FIELDS.filter((field) => changes[field] !== undefined && (changes[field] ?? null) !== (base[field] ?? null));
}
