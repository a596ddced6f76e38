import { describe, expect, it } from 'vitest';
import { applyOverviewFilter, compareRisk, parseOverviewFilter, type RiskSubject } from '@/lib/dashboard/risk';
import type { PredictionLevel } from '@/lib/healing/types';

function row(name: string, level: PredictionLevel | null, probability = 0, score = 100, environment = 'production'): RiskSubject {
  return {
    name,
    environment,
    latest_health: level === null ? null : { health_score: score, failure_prediction: { level, probability } },
  };
}

describe('compareRisk', () => {
  it('orders by level, then probability, then lower score, then name; unchecked last', () => {
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
