/**
 * What a remediation records as its evidence: the health check that prompted
 * it, in one shape for the reconciler's proposals and people's requests, so an
 * approver judges both on the same facts.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { recentChecks } from '@/db/queries/health-checks';
import type { HealthCheckRow } from '@/db/schema';
import { reportOf } from '@/lib/services/health-report';

export function evidenceFromCheck(check: HealthCheckRow): Record<string, unknown> {
  const seen = { health_check_id: check.id, checked_at: check.checkedAt.toISOString() };
  const report = reportOf(check);
  // A stored report that does not parse (logged by reportOf) leaves the check's own id and time.
  if (!report) return seen;
  return {
    ...seen,
    health_score: report.health_score,
    failure_prediction: report.failure_prediction,
    memory_leak: report.memory_leak,
    metrics: report.metrics,
    warnings: report.warnings,
    healing_triggers: report.healing_triggers,
  };
}

/**
 * What a person requesting a remediation was looking at: the component's
 * latest health check, in the shape the reconciler records as evidence, so
 * approvers judge manual and automatic proposals on the same facts. Empty
 * when the component has never been checked.
 */
export async function requestEvidence(db: Db, componentName: string): Promise<Record<string, unknown>> {
  const component = await findComponentByName(db, componentName);
  const [check] = component ? await recentChecks(db, component.id, 1) : [];
  return check ? evidenceFromCheck(check) : {};
}
