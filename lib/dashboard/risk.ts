/**
 * Ordering and filtering of the overview and the predictions page: what needs
 * attention first comes first — a critical prediction, then what the console is
 * about to heal, then what is predicted to fail later or is breached now.
 */
import { PREDICTION_LEVELS, type PredictionLevel } from '@/lib/healing/vocabulary';

export const LEVELS = PREDICTION_LEVELS;

/** The part of a component summary that risk ordering reads. */
export interface RiskSubject {
  name: string;
  environment: string;
  latest_health: {
    health_score: number;
    failure_prediction: { level: PredictionLevel; probability: number };
    /** Metrics over their HEAL_* trigger (and a critical prediction): what the reconciler acts on. */
    healing_triggers: readonly string[];
    memory_leak: { leak_detected: boolean };
    /** Metrics over their warning or critical threshold right now. */
    breaches: readonly unknown[];
  } | null;
  /**
   * Alertmanager alerts firing for it now; `healing`: at a severity the reconciler acts on.
   * Absent where no alerts are at hand.
   */
  firing_alerts?: readonly { healing: boolean }[];
}

export const SORTS = ['risk', 'score', 'name'] as const;
export type OverviewSort = (typeof SORTS)[number];

/**
 * Risk tiers, most urgent first:
 *   0 critical  — a critical prediction: a metric is critical now or will be within the hour;
 *   1 triggered — a metric is over its HEAL_* trigger or a memory leak is detected, so the
 *                 console heals it (or asks to) on its next pass, whatever the prediction says;
 *   2 high      — predicted to fail in 1–6 hours;
 *   3 medium    — predicted to fail in 6–24 hours;
 *   4 breached  — nothing predicted, but a metric is over its warning threshold now;
 *   5 calm      — nothing predicted, nothing breached.
 * Firing alerts count too, checked or not: one at a healing severity makes the
 * component `triggered` (the reconciler proposes a remediation for it), any other
 * one at least `breached` (something is wrong now). A component known only from its
 * alerts is therefore ranked by them, not as unknown. Components neither checked nor
 * alerting come after all of these (`unchecked`): nothing is known about them yet.
 */
export type RiskTier = 'critical' | 'triggered' | 'high' | 'medium' | 'breached' | 'calm';
export const RISK_TIERS: readonly RiskTier[] = ['critical', 'triggered', 'high', 'medium', 'breached', 'calm'];

export function riskTier(h: NonNullable<RiskSubject['latest_health']>): RiskTier {
  const level = h.failure_prediction.level;
  if (level === 'critical') return 'critical';
  if (isTriggered(h)) return 'triggered';
  if (level === 'high' || level === 'medium') return level;
  return h.breaches.length > 0 ? 'breached' : 'calm';
}

export type SubjectTier = RiskTier | 'unchecked';
const SUBJECT_TIERS: readonly SubjectTier[] = [...RISK_TIERS, 'unchecked'];

/** A component's tier from its latest check and its firing alerts (see RiskTier). */
export function subjectTier(s: RiskSubject): SubjectTier {
  const alerts = s.firing_alerts ?? [];
  const fromAlerts: SubjectTier = alerts.some((a) => a.healing) ? 'triggered' : alerts.length > 0 ? 'breached' : 'unchecked';
  const fromHealth: SubjectTier = s.latest_health ? riskTier(s.latest_health) : 'unchecked';
  return SUBJECT_TIERS[Math.min(SUBJECT_TIERS.indexOf(fromHealth), SUBJECT_TIERS.indexOf(fromAlerts))]!;
}

/** The console acts on this component: a HEAL_* trigger fires or a leak is detected (SPEC §1, §2). */
export function isTriggered(h: Pick<NonNullable<RiskSubject['latest_health']>, 'healing_triggers' | 'memory_leak'>): boolean {
  return h.healing_triggers.length > 0 || h.memory_leak.leak_detected;
}

/**
 * Risk: the tier, then probability (higher first), then health score (lower
 * first; a component without a check after checked ones), then name.
 */
function compareByTier(tierOf: (s: RiskSubject) => SubjectTier) {
  return (a: RiskSubject, b: RiskSubject): number => {
    const ha = a.latest_health;
    const hb = b.latest_health;
    return (
      SUBJECT_TIERS.indexOf(tierOf(a)) - SUBJECT_TIERS.indexOf(tierOf(b)) ||
      (hb?.failure_prediction.probability ?? 0) - (ha?.failure_prediction.probability ?? 0) ||
      (ha?.health_score ?? Number.POSITIVE_INFINITY) - (hb?.health_score ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name)
    );
  };
}

/** The overview's order: checks and firing alerts (subjectTier). */
export const compareRisk = compareByTier(subjectTier);

/** The predictions page's order: the latest check alone — it ranks predictions, which alerts do not make. */
export const compareHealthRisk = compareByTier((s) => (s.latest_health ? riskTier(s.latest_health) : 'unchecked'));

/** Lowest score first; unchecked last. */
export function compareScore(a: RiskSubject, b: RiskSubject): number {
  const sa = a.latest_health?.health_score ?? Number.POSITIVE_INFINITY;
  const sb = b.latest_health?.health_score ?? Number.POSITIVE_INFINITY;
  return sa - sb || a.name.localeCompare(b.name);
}

export interface OverviewFilter {
  environment: string | null;
  level: PredictionLevel | null;
  sort: OverviewSort;
}

export function applyOverviewFilter<T extends RiskSubject>(rows: readonly T[], filter: OverviewFilter): T[] {
  const kept = rows.filter(
    (r) =>
      (filter.environment === null || r.environment === filter.environment) &&
      (filter.level === null || r.latest_health?.failure_prediction.level === filter.level),
  );
  const compare =
    filter.sort === 'name' ? (a: T, b: T) => a.name.localeCompare(b.name) : filter.sort === 'score' ? compareScore : compareRisk;
  return kept.sort(compare);
}

/** Reads the overview's URL (?env=…&level=…&sort=…); unknown values fall back to "all" / risk. */
export function parseOverviewFilter(params: { get(name: string): string | null }): OverviewFilter {
  const level = params.get('level');
  const sort = params.get('sort');
  const env = params.get('env');
  return {
    environment: env ? env : null,
    level: level && (LEVELS as readonly string[]).includes(level) ? (level as PredictionLevel) : null,
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as OverviewSort) : 'risk',
  };
}
