/**
 * Risk policy (SPEC §4): which remediations run at once and which wait for a
 * second person. Pure; the component's environment and policy decide.
 */
import type { RemediationAction, RemediationPolicy, Risk } from '@/db/schema';

export type RiskDecision = { allowed: true; risk: Risk; why: string } | { allowed: false; why: string };

/** Actions that change what is running; risky wherever real users are. */
const DISRUPTIVE: readonly RemediationAction[] = ['restart', 'rollback'];

export function riskFor(
  action: RemediationAction,
  component: { environment: string; policy: RemediationPolicy },
): RiskDecision {
  switch (component.policy) {
    case 'never':
      return { allowed: false, why: 'the component’s remediation policy is "never"' };
    case 'auto':
      return { allowed: true, risk: 'low', why: 'policy "auto": every action runs without approval' };
    case 'approval':
      return { allowed: true, risk: 'high', why: 'policy "approval": every action needs an approver' };
    case 'default': {
      const high = component.environment === 'production' && DISRUPTIVE.includes(action);
      return high
        ? { allowed: true, risk: 'high', why: `${action} in production needs an approver` }
        : { allowed: true, risk: 'low', why: `${action} in ${component.environment} runs without approval` };
    }
  }
}
