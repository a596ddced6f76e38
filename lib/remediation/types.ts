/** Vocabulary shared by the remediation service, the reconciler and their callers. */
import type { Component, RemediationAction, RemediationParams } from '@/db/schema';
import type { CallOutcome, CleanupExecutor, ServiceExecutor } from '@/lib/executors/types';

/**
 * How a recorded runtime state would be re-applied (a `previous_state`
 * rollback). Getting one has no side effect — the request path uses it to refuse
 * what nothing could apply — and `apply()` acts.
 */
export interface StateApplier {
  kind: 'simulator' | 'render';
  /** The Render service rolled back, when it is one. */
  serviceId?: string;
  apply(): Promise<CallOutcome & { auto_deploy_disabled?: boolean }>;
}
import type { RemediationSettings } from './settings';

/** Who asks for or decides a remediation. A token acts for its creator (four-eyes). */
export interface Actor {
  kind: 'user' | 'token' | 'reconciler';
  /** Email, token name or `reconciler`. */
  name: string;
  /** The person behind it: the user, or the token's creator; null for the reconciler and creator-less tokens. */
  userId: string | null;
}

export const RECONCILER: Actor = { kind: 'reconciler', name: 'reconciler', userId: null };

/** Which executor acts on a component — chosen per component, injectable for tests. */
export interface ExecutorRegistry {
  /** The service executor and id to restart / roll back; null when the component has no service to act on. */
  service(component: Component, requestedServiceId: string | null): { executor: ServiceExecutor; serviceId: string } | null;
  /** The component's memory cleanup; null when it registered no hook. */
  cleanup(component: Component): { executor: CleanupExecutor; url: string; secret: string | null } | null;
  /** What would re-apply a recorded runtime state (a `previous_state` rollback); null when nothing can. No side effect. */
  applyState(component: Component, state: Record<string, unknown>): StateApplier | null;
}

export interface RemediationDeps {
  executors: ExecutorRegistry;
  settings: RemediationSettings;
  now?: () => Date;
  /** Told when a remediation starts waiting for an approver (Slack webhook). Must not throw. */
  onPendingApproval?: (remediation: { id: string; component: string; action: RemediationAction; reason: string; risk: string; requestedBy: string }) => Promise<void>;
}

export interface RemediationRequest {
  component: string;
  action: RemediationAction;
  params: RemediationParams;
  reason: string;
  evidence?: Record<string, unknown>;
  requester: Actor;
}

/** What running an action produced: the card's return shape, and whether it worked. */
export interface ActionOutcome {
  success: boolean;
  result: Record<string, unknown>;
  error: string | null;
}
