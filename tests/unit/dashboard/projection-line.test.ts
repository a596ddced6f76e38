import { describe, expect, it } from 'vitest';
import { projectionLine } from '@/lib/dashboard/projection-line';
import { predictFailure } from '@/lib/healing/prediction';
import { DEFAULT_THRESHOLDS } from '@/lib/healing/thresholds';
import { orthogonalNoise, series } from '../healing/fixtures';

const N = 60;
const STEP = 30; // seconds: the window spans 29.5 minutes

/** memory_usage rising `perMinute`, its line reaching 90% exactly `minutes` after the newest sample. */
function ramp(minutes: number, perMinute: number, noise = 0) {
  return series(N, STEP, (i) => ({
    memory_usage: 90 - perMinute * (minutes + ((N - 1 - i) * STEP) / 60) + orthogonalNoise(i, noise),
  }));
}

describe('projectionLine', () => {
  it('draws the fitted line from the window start to the failure point', () => {
    const history = ramp(25, 0.3);
    const newest = history.at(-1)!.timestamp.getTime();
    const line = projectionLine(history, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)!;
    expect(line.points).toHaveLength(3);
    const [start, now, end] = line.points as [typeof line.points[0], typeof line.points[0], typeof line.points[0]];
    expect(start.t).toBe(history[0]!.timestamp.getTime());
    expect(start.value).toBeCloseTo(history[0]!.memory_usage, 9);
    expect(now).toEqual({ t: newest, value: expect.closeTo(90 - 0.3 * 25, 9) });
    expect(end.t).toBeCloseTo(newest + 25 * 60_000, 0);
    expect(end.value).toBe(90);
    expect(line.clipped).toBe(false);
  });

  it('agrees with the prediction it illustrates', () => {
    const history = ramp(140, 0.05, 0.4);
    const prediction = predictFailure(history, DEFAULT_THRESHOLDS);
    const line = projectionLine(history, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)!;
    expect(prediction.metric).toBe('memory_usage');
    expect(line.minutesToFailure).toBeCloseTo(prediction.minutes_to_failure!, 1);
    // Noise orthogonal to the trend leaves the fitted line unchanged.
    expect(line.points[1]!.value).toBeCloseTo(90 - 0.05 * 140, 9);
  });

  it('stops at the horizon when the failure lies beyond it', () => {
    const history = ramp(300, 0.02);
    const newest = history.at(-1)!.timestamp.getTime();
    const line = projectionLine(history, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage, newest + 60 * 60_000)!;
    expect(line.clipped).toBe(true);
    expect(line.failureAt).toBeCloseTo(newest + 300 * 60_000, 0);
    expect(line.points.at(-1)!.t).toBe(newest + 60 * 60_000);
    expect(line.points.at(-1)!.value).toBeCloseTo(90 - 0.02 * 240, 9);
  });

  it('is null when nothing is projected: flat, falling, or already critical', () => {
    const flat = series(N, STEP, () => ({ memory_usage: 50 }));
    expect(projectionLine(flat, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)).toBeNull();
    const falling = series(N, STEP, (i) => ({ memory_usage: 80 - i * 0.2 }));
    expect(projectionLine(falling, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)).toBeNull();
    const critical = series(N, STEP, (i) => ({ memory_usage: 85 + i * 0.2 }));
    expect(projectionLine(critical, 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)).toBeNull();
    expect(projectionLine([], 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)).toBeNull();
  });

  it('only uses the prediction window: older samples do not bend the line', () => {
    const recent = ramp(25, 0.3);
    const shifted = recent.map((s) => ({ ...s, timestamp: new Date(s.timestamp.getTime() + 3 * 3_600_000) }));
    const old = series(20, STEP, () => ({ memory_usage: 10 }));
    const line = projectionLine([...old, ...shifted], 'memory_usage', DEFAULT_THRESHOLDS.memory_usage)!;
    expect(line.minutesToFailure).toBeCloseTo(25, 6);
  });
});
