/**
 * What the reconciler proposes for one component, from its latest health
 * assessment (SPEC §1 "healing triggers", §2). Pure. At most one proposal per
 * component per pass: the least disruptive action that addresses the cause.
 *
 *   1. memory leak detected            → memory cleanup (a restart if there is no cleanup hook)
 *   2. error_rate above its trigger    → rollback (errors most often follow a release): of the
 *                                        deployment on a Render service, else to the previous
 *                                        recorded state when something can re-apply it; with
 *                                        neither, a restart if something can restart it, else nothing
 *   3. cpu_usage or latency_ms above
 *      its trigger, or forecast to
 *      cross critical (a persisted
 *      prediction, isHealingTrigger),
 *      while the request load rises
 *      (request-load.ts)               → scale out by one instance, when the component can be
 *                                        scaled (a service and an admin's max_instances): the
 *                                        load, not a fault, and ahead of the breach when forecast
 *   4. any other trigger, a firing
 *      healing alert (Alertmanager), or
 *      a critical failure prediction
 *      that is a healing trigger
 *      (isHealingTrigger: persisted,
 *      already critical, leak)          → restart; a projection seen once, even
 *                                        above warning, proposes nothing
 *
 * A firing alert at a healing severity is a trigger like a metric over its HEAL_* value: the
 * alert is evidence on its own, so it counts without a (fresh) health check (`report` null).
 */
import { isHealingTrigger } from './prediction';
import type { RemediationAction, RemediationParams } from './vocabulary';
import type { RequestLoad } from './request-load';
import { METRICS, type FailurePrediction, type HealingTriggers, type LeakAnalysis, type MetricName } from './types';

export interface PlanInput {
  metrics: Record<MetricName, number>;
  failure_prediction: FailurePrediction;
  memory_leak: LeakAnalysis;
  healing_triggers: string[];
  /** Absent from reports stored before request_rate existed: then never rising. */
  request_load?: RequestLoad;
}

export interface Proposal {
  action: RemediationAction;
  params: RemediationParams;
  reason: string;
}

export interface PlanCapabilities {
  cleanupHook: boolean;
  renderServiceId: string | null;
  /** Something can re-apply the component's previous recorded state (a `previous_state` rollback). */
  stateRollback: boolean;
  /** Something can restart it (a Render service, or the demo simulator). */
  restartable: boolean;
  /** A scale out would not be refused (a service, and an admin's max_instances). */
  scalable: boolean;
}

/** A firing Alertmanager alert whose severity the admin marks as healing. */
export interface AlertTrigger {
  alertname: string;
  severity: string | null;
  /** ISO time the alert started firing. */
  starts_at: string;
  annotations: Record<string, string>;
}

/** "alert HighErrorRate firing since 2026-12-01 12:03 UTC (severity critical): error rate above 5 %". */
export function alertTriggerLine(alert: AlertTrigger): string {
  const iso = new Date(alert.starts_at).toISOString();
  const summary = alert.annotations.summary ?? alert.annotations.description;
  return `alert ${alert.alertname} firing since ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC${alert.severity ? ` (severity ${alert.severity})` : ''}${summary ? `: ${summary}` : ''}`;
}

/** cpu and latency grow with the load a component serves; memory and errors do not (a leak, a bad release). */
const isLoadMetric = (metric: MetricName): boolean => metric === 'cpu_usage' || metric === 'latency_ms';

export function planRemediation(
  report: PlanInput | null,
  triggers: HealingTriggers,
  capabilities: PlanCapabilities,
  alerts: readonly AlertTrigger[] = [],
): Proposal | null {
  if (report?.memory_leak.leak_detected) {
    const leak = `memory leak detected (${report.memory_leak.reason})`;
    return capabilities.cleanupHook
      ? { action: 'memory_cleanup', params: {}, reason: leak }
      : { action: 'restart', params: {}, reason: `${leak}; no cleanup hook registered, so a restart frees the memory` };
  }
  const over = report ? METRICS.filter((m) => report.metrics[m] > triggers[m]) : [];
  if (report && over.includes('error_rate')) {
    const message = report.healing_triggers.find((t) => t.startsWith('error_rate')) ?? 'error_rate above its healing trigger';
    const rollbackType = capabilities.renderServiceId ? 'deployment' : capabilities.stateRollback ? 'previous_state' : null;
    if (rollbackType) {
      return { action: 'rollback', params: { rollback_type: rollbackType }, reason: `${message}; rolling back to the last good version` };
    }
    // Nothing to roll back to. A restart is what an on-call SRE tries next: it clears what a
    // process accumulates (exhausted pools, poisoned caches, wedged workers), and the approval
    // policy and guardrails apply as to any restart. Without anything that can restart it,
    // nothing is proposed: a proposal that can never run would only be refused every pass.
    if (!capabilities.restartable) return null;
    return {
      action: 'restart',
      params: {},
      reason: `${message}; nothing to roll back to (no Render deploy history, no recorded state that can be re-applied), so a restart`,
    };
  }
  // Load, not a fault: more instances share it, where a restart would drop the requests in flight.
  const risingLoad = capabilities.scalable && report?.request_load?.rising ? report.request_load : null;
  const scaleOut = (cause: string, load: RequestLoad, when = ''): Proposal => ({
    action: 'scale',
    params: { by: 1 },
    reason: `${cause}; ${load.reason} and no leak, so one instance more${when}`,
  });
  if (report && risingLoad && over.some(isLoadMetric)) return scaleOut(report.healing_triggers.join('; '), risingLoad);
  const prediction = report?.failure_prediction;
  const forecast = prediction && isHealingTrigger(prediction) ? prediction : null;
  // The same load seen coming: a persisted forecast of cpu or latency crossing critical while
  // the load rises scales out before the breach — when nothing is over its trigger and no alert fires
  // (those are evidence of their own, judged above and below).
  if (risingLoad && forecast?.metric && isLoadMetric(forecast.metric) && over.length === 0 && alerts.length === 0) {
    return scaleOut(`failure predicted ${forecast.time_to_failure}: ${forecast.reasons.join('; ')}`, risingLoad, ' before it');
  }
  if (over.length > 0 || alerts.length > 0) {
    const reasons = [...(report && over.length > 0 ? report.healing_triggers : []), ...alerts.map(alertTriggerLine)];
    return { action: 'restart', params: {}, reason: reasons.join('; ') };
  }
  if (forecast) {
    return {
      action: 'restart',
      params: {},
      reason: `failure predicted ${forecast.time_to_failure} (p=${forecast.probability.toFixed(2)}): ${forecast.reasons.join('; ')}`,
    };
  }
  return null;
}
