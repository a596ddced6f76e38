/**
 * What a remediation records as its evidence: the health check that prompted
 * it, in one shape for the reconciler's proposals and people's requests, so an
 * approver judges both on the same facts.
 */
import 'server-only';
import type { HealthCheckRow } from '@/db/schema';
import type { HealthReport } from '@/lib/services/health-check';

export function evidenceFromCheck(check: HealthCheckRow): Record<string, unknown> {
  const report = check.result as unknown as HealthReport;
  return {
    health_check_id: check.id,
    checked_at: check.checkedAt.toISOString(),
    health_score: report.health_score,
    failure_prediction: report.failure_prediction,
    memory_leak: report.memory_leak,
    metrics: report.metrics,
    warnings: report.warnings,
    healing_triggers: report.healing_triggers,
  };
}
