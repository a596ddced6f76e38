/**
 * What a manual action on a component would act on, worked out on the server
 * (executor registry, recorded states and configs) so the confirmation dialog
 * can say exactly what will happen before anything does.
 */
import type { ComponentView } from '@/lib/services/component-view';

/** The component as its view shows it (never the row: it holds the hook's credentials), plus what each action would restore. */
export interface ActionTargets extends ComponentView {
  /** What a `previous_state` rollback restores; null when fewer than two states are recorded. */
  previousState: { from: Record<string, unknown>; to: Record<string, unknown>; recordedAt: string } | null;
  /** Whether anything can re-apply a recorded state (only the demo simulator can). */
  canApplyState: boolean;
  /** What a `config` rollback restores; null when fewer than two config versions are recorded. */
  previousConfig: { changes: { field: string; from: unknown; to: unknown }[]; recordedAt: string; changedBy: string } | null;
  approvalExpiryMinutes: number;
  cooldownMinutes: number;
}
