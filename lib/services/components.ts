/** Read models of components for the API and the pages. */
import 'server-only';
import type { Db } from '@/db/client';
import { findComponentByName, listComponents } from '@/db/queries/components';
import { latestCheckPerComponent, recentChecks } from '@/db/queries/health-checks';
import { countSamples } from '@/db/queries/metrics';
import type { Component, HealthCheckRow } from '@/db/schema';
import { resolveThresholds } from '@/lib/healing/thresholds';
import type { Thresholds, ThresholdOverrides } from '@/lib/healing/types';
import { stripUrlCredentials } from '@/db/url-credentials';
import { reportOf, type HealthReport } from './health-report';

export interface ComponentSummary {
  name: string;
  environment: string;
  policy: Component['policy'];
  render_service_id: string | null;
  /** The most instances a scale may ask for; null: never scaled. */
  max_instances: number | null;
  cleanup_url: string | null;
  /** Whether cleanup-hook requests are signed; the secret itself is never returned. */
  cleanup_secret_set: boolean;
  threshold_overrides: ThresholdOverrides;
  thresholds: Thresholds;
  created_at: string;
  updated_at: string;
  latest_health: HealthReport | null;
}

export interface CheckSummary {
  checked_at: string;
  health_score: number;
  trend: HealthCheckRow['trend'];
  probability: number;
  time_to_failure: string;
  level: HealthCheckRow['predictionLevel'];
  warnings: string[];
}

export interface ComponentDetail extends ComponentSummary {
  sample_count: number;
  recent_checks: CheckSummary[];
}

const RECENT_CHECKS = 20;

function summarize(component: Component, latest: HealthCheckRow | undefined): ComponentSummary {
  return {
    name: component.name,
    environment: component.environment,
    policy: component.policy,
    render_service_id: component.renderServiceId,
    max_instances: component.maxInstances,
    // Credentials in the URL are the hook's, not the reader's (lib/url-credentials.ts).
    cleanup_url: stripUrlCredentials(component.cleanupUrl),
    cleanup_secret_set: component.hookSecret !== null,
    threshold_overrides: component.thresholds,
    thresholds: resolveThresholds(component.thresholds),
    created_at: component.createdAt.toISOString(),
    updated_at: component.updatedAt.toISOString(),
    latest_health: latest ? reportOf(latest) : null,
  };
}

export async function componentSummaries(db: Db): Promise<ComponentSummary[]> {
  return (await componentsWithSummaries(db)).map((c) => c.summary);
}

/** Each component's row (what the executors and the risk policy read) with its summary, by name. */
export async function componentsWithSummaries(db: Db): Promise<{ component: Component; summary: ComponentSummary }[]> {
  const [all, latest] = await Promise.all([listComponents(db), latestCheckPerComponent(db)]);
  return all.map((c) => ({ component: c, summary: summarize(c, latest.get(c.id)) }));
}

export async function componentDetail(db: Db, name: string): Promise<ComponentDetail | null> {
  const component = await findComponentByName(db, name);
  if (!component) return null;
  const [checks, sampleCount] = await Promise.all([
    recentChecks(db, component.id, RECENT_CHECKS),
    countSamples(db, component.id),
  ]);
  return {
    ...summarize(component, checks[0]),
    sample_count: sampleCount,
    recent_checks: checks.map((c) => ({
      checked_at: c.checkedAt.toISOString(),
      health_score: c.healthScore,
      trend: c.trend,
      probability: c.probability,
      time_to_failure: c.timeToFailure,
      level: c.predictionLevel,
      warnings: c.warnings,
    })),
  };
}
