import { describe, expect, it } from 'vitest';
import { whyCell, whyLines } from '@/lib/dashboard/why';
import { NO_TREND_REASON } from '@/lib/healing/prediction';

// inventory-sync while degraded: four warnings and no trend.
const degraded = {
  failure_prediction: { reasons: [NO_TREND_REASON] },
  warnings: [
    'cpu_usage 85.5% is above the warning threshold of 70.0%',
    'memory_usage 81.4% is above the warning threshold of 75.0%',
    'error_rate 9.0% is above the warning threshold of 5.0%',
    'latency_ms 4000 ms is above the warning threshold of 2000 ms',
  ],
};

describe('the Why cell', () => {
  it('shows three lines and says how many more there are, instead of hiding the fourth warning', () => {
    const lines = whyLines(degraded);
    expect(lines).toEqual(degraded.warnings);
    expect(whyCell(lines)).toEqual({ shown: lines.slice(0, 3), more: 1 });
  });

  it('puts reasons first and drops warnings a reason already explains', () => {
    const lines = whyLines({
      failure_prediction: { reasons: ['cpu_usage projected to reach 90% in ~20 min'] },
      warnings: ['cpu_usage 85.0% is above the warning threshold of 70.0%', 'latency_ms 2500 ms is above the warning threshold of 2000 ms'],
    });
    expect(lines).toEqual(['cpu_usage projected to reach 90% in ~20 min', 'latency_ms 2500 ms is above the warning threshold of 2000 ms']);
    expect(whyCell(lines)).toEqual({ shown: lines, more: 0 });
  });

  it('keeps "no trend" when nothing else is said', () => {
    expect(whyLines({ failure_prediction: { reasons: [NO_TREND_REASON] }, warnings: [] })).toEqual([NO_TREND_REASON]);
  });

  it('leads with the healing triggers, which then explain their metric\'s warning', () => {
    const lines = whyLines({ ...degraded, healing_triggers: ['error_rate 9.0% exceeds HEAL_ERROR_THRESH 5.0%'] });
    expect(lines).toEqual([
      'error_rate 9.0% exceeds HEAL_ERROR_THRESH 5.0%',
      degraded.warnings[0],
      degraded.warnings[1],
      degraded.warnings[3],
    ]);
    expect(whyCell(lines).more).toBe(1);
  });

  it('leaves out the critical-prediction trigger: the prediction reasons say it better', () => {
    const lines = whyLines({
      failure_prediction: { reasons: ['cpu_usage projected to reach 90% in ~20 min'] },
      warnings: [],
      healing_triggers: ['Failure predicted within 1 hour (cpu_usage)'],
    });
    expect(lines).toEqual(['cpu_usage projected to reach 90% in ~20 min']);
  });
});
