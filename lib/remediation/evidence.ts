/**
 * What a remediation records as its evidence: the health check that prompted
 * it, in one shape for the reconciler's proposals and people's requests, so an
 * approver judges both on the same facts.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { recentChecks } from '@/db/queries/health-checks';
import type { AlertRow, EvidenceSender, HealthCheckRow } from '@/db/schema';
import type { AlertTrigger } from '@/lib/healing/remediation-plan';
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

/** The firing alerts behind a proposal, as the plan reads them. */
export function alertTriggers(alerts: AlertRow[]): AlertTrigger[] {
  return alerts.map((a) => ({ alertname: a.alertname, severity: a.severity, starts_at: a.startsAt.toISOString(), annotations: a.annotations }));
}

/**
 * The firing alerts behind a proposal, whole (labels and annotations: what the approver judges),
 * with who delivered each: like a metric sample's sender, they may not approve what it triggered.
 */
export function alertEvidence(alerts: AlertRow[]): { alerts?: Record<string, unknown>[] } {
  if (alerts.length === 0) return {};
  return {
    alerts: alerts.map((a) => ({
      alertname: a.alertname,
      severity: a.severity,
      starts_at: a.startsAt.toISOString(),
      fingerprint: a.fingerprint,
      labels: a.labels,
      annotations: a.annotations,
      generator_url: a.generatorUrl,
      sent_by: { name: a.sentBy, user_id: a.sentByUserId } satisfies EvidenceSender,
    })),
  };
}

/** Who delivered the alerts recorded in `evidence` (see alertEvidence). */
export function alertSenders(evidence: Record<string, unknown> | undefined): EvidenceSender[] {
  const alerts = Array.isArray(evidence?.alerts) ? (evidence.alerts as { sent_by?: Partial<EvidenceSender> }[]) : [];
  return alerts.flatMap((a) =>
    typeof a?.sent_by?.name === 'string' ? [{ name: a.sent_by.name, user_id: typeof a.sent_by.user_id === 'string' ? a.sent_by.user_id : null }] : [],
  );
}
