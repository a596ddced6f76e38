import { describe, expect, it } from 'vitest';
import { alertTriggerLine, planRemediation, type AlertTrigger, type PlanInput } from '@/lib/healing/remediation-plan';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';

const healthy: PlanInput = {
  metrics: { cpu_usage: 30, memory_usage: 50, error_rate: 0.01, latency_ms: 200 },
  failure_prediction: { probability: 0.02, time_to_failure: '> 24 hours', level: 'low', recommended_action: 'Normal operation', reasons: [], minutes_to_failure: null, metric: null, chance_within_hour: 0.037 },
  memory_leak: { leak_detected: false, reason: 'flat', metric: 'memory_mb', points: 60, growth_per_hour: 0, r_squared: 0, rising_fraction: 0.5 },
  healing_triggers: [],
};
const caps = { cleanupHook: true, renderServiceId: 'srv-a1', stateRollback: false, restartable: true, scalable: false };
const alert: AlertTrigger = { alertname: 'HighErrorRate', severity: 'critical', starts_at: '2026-12-01T12:03:10Z', annotations: { summary: 'errors above 5 %' } };

describe('a firing healing alert in the plan', () => {
  it('is a trigger like a metric over HEAL_*: a restart, with or without a health check', () => {
    expect(planRemediation(healthy, DEFAULT_HEALING_TRIGGERS, caps, [alert])).toEqual({
      action: 'restart',
      params: {},
      reason: 'alert HighErrorRate firing since 2026-12-01 12:03 UTC (severity critical): errors above 5 %',
    });
    expect(planRemediation(null, DEFAULT_HEALING_TRIGGERS, caps, [alert])).toMatchObject({ action: 'restart' });
    expect(planRemediation(null, DEFAULT_HEALING_TRIGGERS, caps)).toBeNull();
  });

  it('does not override the rules before it: a leak still gets its cleanup, an error rate its rollback', () => {
    const leaking = { ...healthy, memory_leak: { ...healthy.memory_leak, leak_detected: true, reason: 'grows' } };
    expect(planRemediation(leaking, DEFAULT_HEALING_TRIGGERS, caps, [alert])).toMatchObject({ action: 'memory_cleanup' });
    const erroring = { ...healthy, metrics: { ...healthy.metrics, error_rate: 0.2 } };
    expect(planRemediation(erroring, DEFAULT_HEALING_TRIGGERS, caps, [alert])).toMatchObject({ action: 'rollback' });
  });

  it('joins metric triggers and alerts in the reason', () => {
    const hot = { ...healthy, metrics: { ...healthy.metrics, cpu_usage: 95 }, healing_triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'] };
    expect(planRemediation(hot, DEFAULT_HEALING_TRIGGERS, caps, [alert])!.reason).toBe(`cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%; ${alertTriggerLine(alert)}`);
  });

  it('reads the description when there is no summary, and nothing when neither', () => {
    expect(alertTriggerLine({ ...alert, severity: null, annotations: { description: 'd' } })).toBe('alert HighErrorRate firing since 2026-12-01 12:03 UTC: d');
    expect(alertTriggerLine({ ...alert, annotations: {} })).toBe('alert HighErrorRate firing since 2026-12-01 12:03 UTC (severity critical)');
  });
});
