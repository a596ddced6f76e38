/**
 * monitor_proactive_health: stores one sample, assesses it against the
 * component's recent history and records the check — sample, check and the
 * `proactive_health_check` audit row commit together or not at all.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { recordBrain } from '@/db/queries/brain';
import { insertHealthCheck, recentScores } from '@/db/queries/health-checks';
import { insertSample, samplesInWindow } from '@/db/queries/metrics';
import type { Component, EvidenceSender, MetricSampleRow, NewMetricSampleRow } from '@/db/schema';
import { assessHealth } from '@/lib/healing/assess';
import { historyRanges } from '@/lib/healing/history';
import { metrics } from '@/lib/observability/metrics';
import { resolveThresholds } from '@/lib/healing/thresholds';
import type { HealingTriggers, HealthAssessment, MetricSample } from '@/lib/healing/types';
import type { SampleInput } from '@/lib/validation/sample';
import { registerComponent } from './component-registry';
import type { HealthReport } from './health-report';

/** The trend rule looks at the last 10 scores including the current one. */
const PREVIOUS_SCORES = 9;

export function toMetricSample(row: MetricSampleRow): MetricSample {
  return {
    timestamp: row.recordedAt,
    cpu_usage: row.cpuUsage,
    memory_usage: row.memoryUsage,
    error_rate: row.errorRate,
    latency_ms: row.latencyMs,
    memory_mb: row.memoryMb,
    request_rate: row.requestRate,
  };
}

/** The distinct senders of the samples a check judged (console-made samples have none). */
export function sendersOf(samples: MetricSampleRow[]): EvidenceSender[] {
  const seen = new Map<string, EvidenceSender>();
  for (const s of samples) {
    if (s.sentBy === null) continue;
    seen.set(s.sentByUserId ?? `token:${s.sentBy}`, { name: s.sentBy, user_id: s.sentByUserId });
  }
  return [...seen.values()];
}

/** Status written to unified_brain: what the check found. */
export function checkStatus(a: HealthAssessment): 'healthy' | 'warning' | 'critical' {
  if (a.breaches.some((b) => b.level === 'critical') || a.failure_prediction.level === 'critical') return 'critical';
  if (a.breaches.length > 0 || a.failure_prediction.level !== 'low' || a.memory_leak.leak_detected) return 'warning';
  return 'healthy';
}

export async function runHealthCheck(
  db: Db,
  name: string,
  input: SampleInput,
  /** `sender`: who posted the sample (null: the console itself, e.g. the simulator). */
  options: { triggers: HealingTriggers; now?: Date; sender?: EvidenceSender | null },
): Promise<HealthReport> {
  const report = await db.transaction(async (tx) => {
    const { component } = await registerComponent(tx, name);
    return judgeNewSample(tx, component, input, options);
  });
  countCommitted('check', 1, [report]);
  return report;
}

/** After commit only: a rolled-back request stored nothing and checked nothing. */
export function countCommitted(path: 'batch' | 'check', samples: number, reports: HealthAssessment[]): void {
  const m = metrics();
  if (samples > 0) m.samplesIngested.inc({ path }, samples);
  for (const report of reports) m.healthChecks.inc({ status: checkStatus(report) });
}

/** A validated sample as the row it is stored as (a single check's and a batch's samples alike). */
export function sampleRow(input: Omit<SampleInput, 'timestamp'>, componentId: string, recordedAt: Date, sender: EvidenceSender | null): NewMetricSampleRow {
  return {
    componentId,
    recordedAt,
    cpuUsage: input.cpu_usage,
    memoryUsage: input.memory_usage,
    errorRate: input.error_rate,
    latencyMs: input.latency_ms,
    memoryMb: input.memory_mb ?? null,
    requestRate: input.request_rate ?? null,
    sentBy: sender?.name ?? null,
    sentByUserId: sender?.user_id ?? null,
  };
}

/**
 * The check itself, in the caller's transaction: stores the sample, judges it
 * against the component's history as of its own time, writes the health_checks
 * row and the `proactive_health_check` record. A single /health check and a
 * batch's newest sample per component (lib/services/ingest.ts) both come here.
 */
export async function judgeNewSample(
  tx: Db,
  component: Component,
  input: SampleInput,
  options: { triggers: HealingTriggers; now?: Date; sender?: EvidenceSender | null },
): Promise<HealthReport> {
  const recordedAt = input.timestamp ?? options.now ?? new Date();
  const sample = await insertSample(tx, sampleRow(input, component.id, recordedAt, options.sender ?? null));
  // History and earlier scores as of the sample's own time, so a late (backfilled)
  // sample is judged by its past: samples and checks after recordedAt do not count.
  // The ranges (recent window, and the same phase a day earlier) come from lib/healing/history.ts,
  // which the backtest replays too.
  const history: MetricSampleRow[] = [];
  for (const range of historyRanges(recordedAt)) {
    history.push(...(await samplesInWindow(tx, component.id, range.from, range.to, range.limit)));
  }
  const previousScores = await recentScores(tx, component.id, PREVIOUS_SCORES, recordedAt);

  const assessment = assessHealth({
    sample: toMetricSample(sample),
    history: history.map(toMetricSample),
    previousScores,
    thresholds: resolveThresholds(component.thresholds),
    triggers: options.triggers,
  });
  const report: HealthReport = {
    component: component.name,
    checked_at: recordedAt.toISOString(),
    ...assessment,
    metrics: {
      cpu_usage: sample.cpuUsage,
      memory_usage: sample.memoryUsage,
      error_rate: sample.errorRate,
      latency_ms: sample.latencyMs,
      memory_mb: sample.memoryMb,
      request_rate: sample.requestRate,
    },
  };
  const prediction = assessment.failure_prediction;
  await insertHealthCheck(tx, {
    componentId: component.id,
    sampleId: sample.id,
    checkedAt: recordedAt,
    healthScore: assessment.health_score,
    trend: assessment.trend,
    probability: prediction.probability,
    timeToFailure: prediction.time_to_failure,
    predictionLevel: prediction.level,
    reasons: prediction.reasons,
    warnings: assessment.warnings,
    leakDetected: assessment.memory_leak.leak_detected,
    evidenceSenders: sendersOf([sample, ...history]),
    result: report,
  });
  await recordBrain(tx, {
    actionType: 'proactive_health_check',
    status: checkStatus(assessment),
    metadata: {
      component: component.name,
      health_score: assessment.health_score,
      trend: assessment.trend,
      warnings: assessment.warnings,
      failure_prediction: prediction,
      memory_leak_detected: assessment.memory_leak.leak_detected,
      healing_triggers: assessment.healing_triggers,
      sample_time: report.checked_at,
    },
  });
  return report;
}
