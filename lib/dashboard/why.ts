/**
 * The overview's Why cell: the metrics over their HEAL_* trigger first (what
 * the console acts on), then the prediction's reasons, then the warnings none
 * of those already explain (a line about cpu_usage explains a cpu_usage
 * warning). "No metric is trending…" is dropped when a warning says more. Pure.
 */
import { NO_TREND_REASON } from '@/lib/healing/prediction';
import { METRICS } from '@/lib/healing/types';

/** Lines the Why cell shows before "+N more". */
export const WHY_LINES = 3;

const firstWord = (line: string) => line.split(' ')[0]!;

export function whyLines(h: {
  failure_prediction: { reasons: readonly string[] };
  warnings: readonly string[];
  healing_triggers?: readonly string[];
}): string[] {
  // A critical prediction is a trigger too ("Failure predicted within 1 hour …"); its reasons say more.
  const triggers = (h.healing_triggers ?? []).filter((t) => (METRICS as readonly string[]).includes(firstWord(t)));
  const reasons = h.failure_prediction.reasons.filter((r) => !(r === NO_TREND_REASON && (h.warnings.length > 0 || triggers.length > 0)));
  const explained = new Set([...triggers, ...reasons].map(firstWord));
  const warnings = h.warnings.filter((w) => !explained.has(firstWord(w)));
  return [...triggers, ...reasons, ...warnings];
}

/** The lines shown and how many are left for "+N more". */
export function whyCell(lines: readonly string[], max = WHY_LINES): { shown: string[]; more: number } {
  return { shown: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
