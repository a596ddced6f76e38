/**
 * The one line above the overview table: how many components are in each
 * worrying risk tier, how many requests wait for a person, how many checks are
 * stale — e.g. "1 critical · 2 triggered · 1 high · 2 awaiting approval". Pure.
 */
import { isStale } from './proposal';
import { subjectTier, type RiskSubject, type RiskTier } from './risk';

export interface SummarySubject extends RiskSubject {
  pending_approvals: number;
  latest_health: (NonNullable<RiskSubject['latest_health']> & { checked_at: string }) | null;
}

export interface SummaryPart {
  key: RiskTier | 'approvals' | 'stale' | 'unchecked';
  count: number;
  text: string;
}

/** Tiers worth a word; `breached` and `calm` are what the table shows plainly. */
const COUNTED: { tier: RiskTier; word: string }[] = [
  { tier: 'critical', word: 'critical' },
  { tier: 'triggered', word: 'triggered' },
  { tier: 'high', word: 'high' },
  { tier: 'medium', word: 'medium' },
];

export function overviewSummary(rows: readonly SummarySubject[], nowMs: number, maxEvidenceAgeSeconds: number): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const checked = rows.flatMap((r) => (r.latest_health ? [r.latest_health] : []));
  // Firing alerts count, as in the table's order: one known only from its alerts can be triggered.
  const tiers = rows.map(subjectTier);
  for (const { tier, word } of COUNTED) {
    const count = tiers.filter((t) => t === tier).length;
    if (count > 0) parts.push({ key: tier, count, text: `${count} ${word}` });
  }
  const approvals = rows.reduce((n, r) => n + r.pending_approvals, 0);
  if (approvals > 0) parts.push({ key: 'approvals', count: approvals, text: `${approvals} awaiting approval` });
  const stale = checked.filter((h) => isStale(h.checked_at, nowMs, maxEvidenceAgeSeconds)).length;
  if (stale > 0) parts.push({ key: 'stale', count: stale, text: `${stale} stale` });
  const unchecked = rows.length - checked.length;
  if (unchecked > 0) parts.push({ key: 'unchecked', count: unchecked, text: `${unchecked} not checked yet` });
  return parts;
}
