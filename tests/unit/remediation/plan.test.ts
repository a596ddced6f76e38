import { describe, expect, it } from 'vitest';
import { planRemediation, type PlanInput } from '@/lib/healing/remediation-plan';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';

const healthy: PlanInput = {
  metrics: { cpu_usage: 30, memory_usage: 50, error_rate: 0.01, latency_ms: 200 },
  failure_prediction: { probability: 0.02, chance_within_hour: 0.037, time_to_failure: '> 24 hours', level: 'low', recommended_action: 'Normal operation', reasons: [], minutes_to_failure: null, metric: null },
  memory_leak: { leak_detected: false, reason: 'flat', metric: 'memory_mb', points: 60, growth_per_hour: 0, r_squared: 0, rising_fraction: 0.5 },
  healing_triggers: [],
};
const caps = { cleanupHook: true, renderServiceId: 'srv-a1', stateRollback: false, restartable: true, scalable: true };
const rising = { request_rate: 480, rising: true, change: 0.6, reason: 'request load rising +60% over 15 min (300 → 480 req/s)' };

describe('planRemediation', () => {
  it('healthy → nothing', () => {
    expect(planRemediation(healthy, DEFAULT_HEALING_TRIGGERS, caps)).toBeNull();
  });

  it('a leak → cleanup with a hook, restart without one', () => {
    const leaking = { ...healthy, memory_leak: { ...healthy.memory_leak, leak_detected: true, reason: 'grows 400 MB/h' } };
    expect(planRemediation(leaking, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'memory_cleanup' });
    const noHook = planRemediation(leaking, DEFAULT_HEALING_TRIGGERS, { ...caps, cleanupHook: false });
    expect(noHook).toMatchObject({ action: 'restart', reason: expect.stringContaining('no cleanup hook') });
  });

  it('error_rate over HEAL_ERROR_THRESH → rollback (deployment with a Render service, else previous_state when it can be applied); 0.05 itself is not over', () => {
    const erroring = { ...healthy, metrics: { ...healthy.metrics, error_rate: 0.0501 } };
    expect(planRemediation(erroring, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'rollback', params: { rollback_type: 'deployment' } });
    expect(planRemediation(erroring, DEFAULT_HEALING_TRIGGERS, { ...caps, renderServiceId: null, stateRollback: true })).toMatchObject({
      action: 'rollback',
      params: { rollback_type: 'previous_state' },
    });
    const atTrigger = { ...healthy, metrics: { ...healthy.metrics, error_rate: 0.05 } };
    expect(planRemediation(atTrigger, DEFAULT_HEALING_TRIGGERS, caps)).toBeNull();
  });

  it('error_rate with nothing to roll back to: never previous_state; a restart when something can restart it, else nothing', () => {
    const erroring = { ...healthy, metrics: { ...healthy.metrics, error_rate: 0.2 }, healing_triggers: ['error_rate 20.0% exceeds HEAL_ERROR_THRESH 5.0%'] };
    const noRollback = { ...caps, renderServiceId: null, stateRollback: false };
    expect(planRemediation(erroring, DEFAULT_HEALING_TRIGGERS, noRollback)).toMatchObject({
      action: 'restart',
      params: {},
      reason: expect.stringContaining('nothing to roll back to'),
    });
    expect(planRemediation(erroring, DEFAULT_HEALING_TRIGGERS, { ...noRollback, restartable: false })).toBeNull();
  });

  it('cpu over its trigger, or a critical prediction → restart', () => {
    const hot = { ...healthy, metrics: { ...healthy.metrics, cpu_usage: 95 }, healing_triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'] };
    expect(planRemediation(hot, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart', reason: expect.stringContaining('HEAL_CPU_THRESH') });
    // Issue 12 item 6: the prediction must have persisted (critical_evidence), else see below.
    const predicted = { ...healthy, failure_prediction: { ...healthy.failure_prediction, level: 'critical' as const, probability: 0.8, time_to_failure: '< 1 hour' as const, reasons: ['cpu_usage projected to reach 90% in ~20 min'], critical_evidence: 'persisted' as const } };
    expect(planRemediation(predicted, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart', reason: expect.stringContaining('projected') });
  });

  it('a projection alone never restarts anything: a critical prediction that has not persisted (seen once above warning, or from a report without evidence) proposes nothing', () => {
    const base = { ...healthy.failure_prediction, level: 'critical' as const, probability: 0.6, time_to_failure: '< 1 hour' as const, reasons: ['cpu_usage projected to reach 90% in ~20 min'] };
    for (const critical_evidence of ['warning_breach' as const, null, undefined]) {
      expect(planRemediation({ ...healthy, failure_prediction: { ...base, critical_evidence } }, DEFAULT_HEALING_TRIGGERS, caps)).toBeNull();
    }
    for (const critical_evidence of ['already_critical' as const, 'leak' as const]) {
      expect(planRemediation({ ...healthy, failure_prediction: { ...base, critical_evidence } }, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart' });
    }
  });

  it('cpu or latency over its trigger while the request load rises, no leak → scale out by one, when it can be scaled', () => {
    const hot = { ...healthy, metrics: { ...healthy.metrics, cpu_usage: 95 }, healing_triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'], request_load: rising };
    expect(planRemediation(hot, DEFAULT_HEALING_TRIGGERS, caps)).toEqual({
      action: 'scale',
      params: { by: 1 },
      reason: 'cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%; request load rising +60% over 15 min (300 → 480 req/s) and no leak, so one instance more',
    });
    const slow = { ...healthy, metrics: { ...healthy.metrics, latency_ms: 6000 }, healing_triggers: ['latency_ms over'], request_load: rising };
    expect(planRemediation(slow, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'scale' });
    // Not scalable (no max_instances): the restart as before.
    expect(planRemediation(hot, DEFAULT_HEALING_TRIGGERS, { ...caps, scalable: false })).toMatchObject({ action: 'restart' });
    // Flat load: a fault, not load → restart.
    expect(planRemediation({ ...hot, request_load: { ...rising, rising: false } }, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart' });
    // A leak comes first; errors go to a rollback; memory alone is no load.
    expect(planRemediation({ ...hot, memory_leak: { ...healthy.memory_leak, leak_detected: true } }, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'memory_cleanup' });
    expect(planRemediation({ ...hot, metrics: { ...hot.metrics, error_rate: 0.2 } }, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'rollback' });
    const full = { ...healthy, metrics: { ...healthy.metrics, memory_usage: 97 }, healing_triggers: ['memory'], request_load: rising };
    expect(planRemediation(full, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart' });
  });

  it('a persisted forecast of cpu or latency while the request load rises → scale out before the breach; anything else forecast still restarts', () => {
    const forecast = { ...healthy.failure_prediction, level: 'critical' as const, probability: 0.6, time_to_failure: '< 1 hour' as const, critical_evidence: 'persisted' as const };
    const cpuComing = { ...healthy, request_load: rising, failure_prediction: { ...forecast, metric: 'cpu_usage' as const, reasons: ['cpu_usage projected to reach 90% in ~14 min'] } };
    expect(planRemediation(cpuComing, DEFAULT_HEALING_TRIGGERS, caps)).toEqual({
      action: 'scale',
      params: { by: 1 },
      reason: 'failure predicted < 1 hour: cpu_usage projected to reach 90% in ~14 min; request load rising +60% over 15 min (300 → 480 req/s) and no leak, so one instance more before it',
    });
    const latencyComing = { ...cpuComing, failure_prediction: { ...cpuComing.failure_prediction, metric: 'latency_ms' as const } };
    expect(planRemediation(latencyComing, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'scale' });
    // Flat load, not scalable, or a metric that does not grow with load: the restart as before.
    expect(planRemediation({ ...cpuComing, request_load: { ...rising, rising: false } }, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart' });
    expect(planRemediation(cpuComing, DEFAULT_HEALING_TRIGGERS, { ...caps, scalable: false })).toMatchObject({ action: 'restart' });
    const memoryComing = { ...cpuComing, failure_prediction: { ...cpuComing.failure_prediction, metric: 'memory_usage' as const } };
    expect(planRemediation(memoryComing, DEFAULT_HEALING_TRIGGERS, caps)).toMatchObject({ action: 'restart' });
    // A forecast seen once (not persisted) is still no trigger at all; a firing alert keeps its restart.
    const once = { ...cpuComing, failure_prediction: { ...cpuComing.failure_prediction, critical_evidence: 'warning_breach' as const } };
    expect(planRemediation(once, DEFAULT_HEALING_TRIGGERS, caps)).toBeNull();
    const alert = { alertname: 'HighLatency', severity: 'critical', starts_at: '2026-12-01T12:00:00Z', annotations: {} };
    expect(planRemediation(cpuComing, DEFAULT_HEALING_TRIGGERS, caps, [alert])).toMatchObject({ action: 'restart' });
  });
});
