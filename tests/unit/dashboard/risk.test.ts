import { describe, expect, it } from 'vitest';
import { applyOverviewFilter, compareHealthRisk, compareRisk, parseOverviewFilter, riskTier, subjectTier, type RiskSubject } from '@/lib/dashboard/risk';
import type { PredictionLevel } from '@/lib/healing/types';

interface Extra {
  triggers?: string[];
  leak?: boolean;
}

function row(
  name: string,
  level: PredictionLevel | null,
  probability = 0,
  score = 100,
  environment = 'production',
  extra: Extra = {},
): RiskSubject {
  // A score under 100 means some metric is over its warning threshold.
  const breaches = score < 100 ? [{ metric: 'latency_ms' }] : [];
  return {
    name,
    environment,
    latest_health:
      level === null
        ? null
        : {
            health_score: score,
            failure_prediction: { level, probability },
            healing_triggers: extra.triggers ?? (level === 'critical' ? ['Failure predicted within 1 hour (cpu_usage)'] : []),
            memory_leak: { leak_detected: extra.leak ?? false },
            breaches,
          },
  };
}

describe('compareRisk', () => {
  it('without triggers or breaches: by level, then probability, then lower score, then name; unchecked last', () => {
    const rows = [
      row('never-checked', null),
      row('low-a', 'low', 0.01, 100),
      row('high', 'high', 0.4),
      row('critical-soon', 'critical', 0.9),
      row('critical-later', 'critical', 0.6, 100),
      row('critical-later-worse', 'critical', 0.6, 50),
      row('medium', 'medium', 0.2),
      row('low-b', 'low', 0.01, 87.5),
    ];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual([
      'critical-soon',
      'critical-later-worse',
      'critical-later',
      'high',
      'medium',
      'low-b',
      'low-a',
      'never-checked',
    ]);
  });
});

describe('compareRisk: healing triggers and current breaches', () => {
  // The audit's case: inventory-sync, score 50 with error_rate 9% over HEAL_ERROR_THRESH, predicted "low".
  const inventorySync = row('inventory-sync', 'low', 0, 50, 'production', { triggers: ['error_rate 9.0% exceeds HEAL_ERROR_THRESH 5.0%'] });

  it('puts a triggered component right after critical predictions, before high and medium ones with perfect scores', () => {
    const rows = [
      row('medium-perfect', 'medium', 0.29, 100),
      row('high-perfect', 'high', 0.49, 100),
      inventorySync,
      row('critical', 'critical', 0.55, 100),
      row('calm', 'low', 0.05, 100),
    ];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual(['critical', 'inventory-sync', 'high-perfect', 'medium-perfect', 'calm']);
  });

  it('counts a detected memory leak as triggered: the console cleans it on its next pass', () => {
    const rows = [row('high', 'high', 0.45), row('leaking', 'low', 0.02, 100, 'production', { leak: true })];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual(['leaking', 'high']);
  });

  it('orders triggered components by probability, then lower score', () => {
    const t = { triggers: ['cpu_usage 95.0% exceeds HEAL_CPU_THRESH 90.0%'] };
    const rows = [row('t-low', 'low', 0.01, 75, 'x', t), row('t-high', 'high', 0.4, 75, 'x', t), row('t-worse', 'low', 0.01, 50, 'x', t)];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual(['t-high', 't-worse', 't-low']);
  });

  it('puts a low prediction with a metric breached now after medium and before calm components', () => {
    const rows = [row('calm', 'low', 0.09, 100), row('breached', 'low', 0.01, 87.5), row('medium', 'medium', 0.11, 100)];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual(['medium', 'breached', 'calm']);
  });

  it('names the tier', () => {
    expect(riskTier(inventorySync.latest_health!)).toBe('triggered');
    expect(riskTier(row('c', 'critical', 0.9).latest_health!)).toBe('critical');
    expect(riskTier(row('b', 'low', 0, 87.5).latest_health!)).toBe('breached');
    expect(riskTier(row('m', 'medium', 0.2, 87.5).latest_health!)).toBe('medium');
    expect(riskTier(row('ok', 'low', 0).latest_health!)).toBe('calm');
  });
});

describe('applyOverviewFilter', () => {
  const rows = [
    row('a', 'low', 0.01, 100, 'staging'),
    row('b', 'critical', 0.7, 50, 'production'),
    row('c', 'critical', 0.8, 75, 'staging'),
    row('d', null, 0, 0, 'staging'),
  ];

  it('filters by environment and level', () => {
    expect(applyOverviewFilter(rows, { environment: 'staging', level: null, sort: 'risk' }).map((r) => r.name)).toEqual(['c', 'a', 'd']);
    expect(applyOverviewFilter(rows, { environment: null, level: 'critical', sort: 'risk' }).map((r) => r.name)).toEqual(['c', 'b']);
    expect(applyOverviewFilter(rows, { environment: 'production', level: 'low', sort: 'risk' })).toEqual([]);
  });

  it('sorts by score or name on request, without mutating its input', () => {
    expect(applyOverviewFilter(rows, { environment: null, level: null, sort: 'score' }).map((r) => r.name)).toEqual(['b', 'c', 'a', 'd']);
    expect(applyOverviewFilter(rows, { environment: null, level: null, sort: 'name' }).map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('parseOverviewFilter', () => {
  it('reads the URL and ignores unknown values', () => {
    expect(parseOverviewFilter(new URLSearchParams('env=staging&level=high&sort=name'))).toEqual({
      environment: 'staging',
      level: 'high',
      sort: 'name',
    });
    expect(parseOverviewFilter(new URLSearchParams('level=severe&sort=random'))).toEqual({ environment: null, level: null, sort: 'risk' });
  });
});

describe('compareRisk: firing Alertmanager alerts', () => {
  const alerting = (subject: RiskSubject, ...healing: boolean[]): RiskSubject => ({ ...subject, firing_alerts: healing.map((h) => ({ healing: h })) });

  it('ranks a component known only from a healing alert as triggered, above healthy and breached ones', () => {
    const rows = [
      row('calm', 'low', 0),
      row('never-checked', null),
      alerting(row('alert-only-warning', null), false),
      alerting(row('alert-only-critical', null), true),
      row('breached', 'low', 0, 87.5),
      row('medium', 'medium', 0.2),
      row('critical', 'critical', 0.9),
    ];
    expect(rows.sort(compareRisk).map((r) => r.name)).toEqual([
      'critical',
      'alert-only-critical',
      'medium',
      'breached',
      'alert-only-warning',
      'calm',
      'never-checked',
    ]);
    expect(subjectTier(alerting(row('x', null), true))).toBe('triggered');
    expect(subjectTier(alerting(row('x', null), false))).toBe('breached');
    expect(subjectTier(row('x', null))).toBe('unchecked');
  });

  it('raises a checked component by its alerts, never lowers it; the predictions order ignores them', () => {
    expect(subjectTier(alerting(row('calm', 'low', 0), true))).toBe('triggered');
    expect(subjectTier(alerting(row('crit', 'critical', 0.9), false))).toBe('critical');
    const rows = [row('medium', 'medium', 0.2), alerting(row('calm-alerting', 'low', 0), true)];
    expect([...rows].sort(compareRisk).map((r) => r.name)).toEqual(['calm-alerting', 'medium']);
    expect([...rows].sort(compareHealthRisk).map((r) => r.name)).toEqual(['medium', 'calm-alerting']);
  });
});
