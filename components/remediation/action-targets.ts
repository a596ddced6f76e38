/**
 * What a manual action on a component would act on, worked out on the server
 * (executor registry, recorded states and configs) so the confirmation dialog
 * can say exactly what will happen before anything does.
 */
import type { RemediationPolicy } from '@/db/schema';

export interface ActionTargets {
  component: { name: string; environment: string; policy: RemediationPolicy };
  /** Where restarts and deployment rollbacks go; null when nothing can restart it. */
  service: { kind: 'render' | 'simulator'; serviceId: string } | null;
  /** Who frees memory; null when no cleanup hook is registered (a restart is proposed instead). */
  cleanup: { kind: 'hook' | 'simulator' | 'in-process'; url: string } | null;
  /** What a `previous_state` rollback restores; null when fewer than two states are recorded. */
  previousState: { from: Record<string, unknown>; to: Record<string, unknown>; recordedAt: string } | null;
  /** Whether anything can re-apply a recorded state (only the demo simulator can). */
  canApplyState: boolean;
  /** What a `config` rollback restores; null when fewer than two config versions are recorded. */
  previousConfig: { changes: { field: string; from: unknown; to: unknown }[]; recordedAt: string; changedBy: string } | null;
  approvalExpiryMinutes: number;
  cooldownMinutes: number;
}
