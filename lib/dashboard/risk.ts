/**
 * Ordering and filtering of the overview: the component most likely to fail
 * soonest comes first, so the top of the page is what needs attention.
 */
import type { PredictionLevel } from '@/lib/healing/types';

export const LEVELS: readonly PredictionLevel[] = ['critical', 'high', 'medium', 'low'];
const LEVEL_RANK: Record<PredictionLevel, number> = { critical: 3, high: 2, medium: 1, low: 0 };

/** The part of a component summary that risk ordering reads. */
export interface RiskSubject {
  name: string;
  environment: string;
  latest_health: {
    health_score: number;
    failure_prediction: { level: PredictionLevel; probability: number };
  } | null;
}

export const SORTS = ['risk', 'score', 'name'] as const;
export type OverviewSort = (typeof SORTS)[number];

/**
 * Risk: prediction level, then probability (both higher first), then health
 * score (lower first), then name. Components never checked sort last: nothing
 * is known about them yet.
 */
export function compareRisk(a: RiskSubject, b: RiskSubject): number {
  const ha = a.latest_health;
  const hb = b.latest_health;
  if (!ha || !hb) return (ha ? 0 : 1) - (hb ? 0 : 1) || a.name.localeCompare(b.name);
  const pa = ha.failure_prediction;
  const pb = hb.failure_prediction;
  return (
    LEVEL_RANK[pb.level] - LEVEL_RANK[pa.level] ||
    pb.probability - pa.probability ||
    ha.health_score - hb.health_score ||
    a.name.localeCompare(b.name)
  );
}

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
