/** The request-load signal: rising only on a sustained, well-fitted climb of request_rate. */
import { describe, expect, it } from 'vitest';
import { requestLoad } from '@/lib/healing/request-load';
import type { MetricSample } from '@/lib/healing/types';

const now = new Date('2026-12-01T12:00:00Z');
const series = (rate: (i: number) => number | undefined, n = 30, stepS = 30): MetricSample[] =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(now.getTime() - (n - 1 - i) * stepS * 1000),
    cpu_usage: 50,
    memory_usage: 50,
    error_rate: 0,
    latency_ms: 100,
    request_rate: rate(i),
  }));

describe('requestLoad', () => {
  it('a steady climb of more than 20 % over 15 min is rising', () => {
    const load = requestLoad(series((i) => 300 + i * 8), now);
    expect(load).toMatchObject({ rising: true, request_rate: 532 });
    expect(load.change).toBeGreaterThan(0.7);
    expect(load.reason).toMatch(/^request load rising \+\d+% over 15 min \(300 → 532 req\/s\)$/);
  });

  it('flat, noisy, falling or a small rise is not', () => {
    expect(requestLoad(series(() => 300), now).rising).toBe(false);
    expect(requestLoad(series((i) => 300 + (i % 2 ? 40 : -40)), now).rising).toBe(false);
    expect(requestLoad(series((i) => 600 - i * 8), now).rising).toBe(false);
    expect(requestLoad(series((i) => 300 + i), now).rising).toBe(false); // +10 %
  });

  it('without request_rate (or too few samples in the window) it is never rising', () => {
    expect(requestLoad(series(() => undefined), now)).toMatchObject({ rising: false, change: null, request_rate: null });
    expect(requestLoad(series((i) => 100 + i * 50, 4), now)).toMatchObject({ rising: false, change: null });
    // Old samples outside the 15-minute window do not count.
    expect(requestLoad(series((i) => 100 + i * 50, 30, 120).slice(0, 20), now).rising).toBe(false);
  });
});
