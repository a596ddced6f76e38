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
import type { EvidenceSender, MetricSampleRow } from '@/db/schema';
import { assessHealth } from '@/lib/healing/assess';
import { LEAK_WINDOW_MINUTES } from '@/lib/healing/leak';
import { resolveThresholds } from '@/lib/healing/thresholds';
import type { HealingTriggers, HealthAssessment, MetricSample } from '@/lib/healing/types';
import type { SampleInput } from '@/lib/validation/sample';
import { registerComponent } from './component-registry';
import type { HealthReport } from './health-report';

/** The longest window any rule looks at (leak detection), and a cap on rows fetched for it. */
const HISTORY_MINUTES = LEAK_WINDOW_MINUTES;
const HISTORY_MAX_SAMPLES = 360;
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
  const recordedAt = input.timestamp ?? options.now ?? new Date();
  return db.transaction(async (tx) => {
    const { component } = await registerComponent(tx, name);
    const sample = await insertSample(tx, {
      componentId: component.id,
      recordedAt,
      cpuUsage: input.cpu_usage,
      memoryUsage: input.memory_usage,
      errorRate: input.error_rate,
      latencyMs: input.latency_ms,
      memoryMb: input.memory_mb ?? null,
      sentBy: options.sender?.name ?? null,
      sentByUserId: options.sender?.user_id ?? null,
    });
    // History and earlier scores as of the sample's own time, so a late (backfilled)
    // sample is judged by its past: samples and checks after recordedAt do not count.
    const since = new Date(recordedAt.getTime() - HISTORY_MINUTES * 60_000);
    const history = await samplesInWindow(tx, component.id, since, recordedAt, HISTORY_MAX_SAMPLES);
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
  });
}
