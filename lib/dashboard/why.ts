/**
 * The overview's Why cell: the prediction's reasons first, then the warnings
 * those reasons do not already explain (a reason about cpu_usage explains a
 * cpu_usage warning). "No metric is trending…" is dropped when a warning says
 * more. Pure.
 */
import { NO_TREND_REASON } from '@/lib/healing/prediction';

/** Lines the Why cell shows before "+N more". */
export const WHY_LINES = 3;

export function whyLines(h: { failure_prediction: { reasons: readonly string[] }; warnings: readonly string[] }): string[] {
  const reasons = h.failure_prediction.reasons.filter((r) => !(r === NO_TREND_REASON && h.warnings.length > 0));
  const explained = new Set(reasons.map((r) => r.split(' ')[0]));
  const warnings = h.warnings.filter((w) => !explained.has(w.split(' ')[0]));
  return [...reasons, ...warnings];
}

/** The lines shown and how many are left for "+N more". */
export function whyCell(lines: readonly string[], max = WHY_LINES): { shown: string[]; more: number } {
  return { shown: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
