import type { MetricSample } from '../../../lib/healing/types';

export const BASE_TIME = Date.parse('2025-01-01T00:00:00.000Z');

export const HEALTHY: Omit<MetricSample, 'timestamp'> = {
  cpu_usage: 30,
  memory_usage: 40,
  error_rate: 0.01,
  latency_ms: 200,
};

/** Deterministic noise: the simulator's seeded mulberry32. */
export { createRng as prng } from '../../../lib/simulator/rng';

export function sampleAt(seconds: number, values: Partial<Omit<MetricSample, 'timestamp'>> = {}): MetricSample {
  return { timestamp: new Date(BASE_TIME + seconds * 1000), ...HEALTHY, ...values };
}

/** `n` samples `stepSeconds` apart; `values(i)` customises sample i (oldest is 0). */
export function series(
  n: number,
  stepSeconds: number,
  values: (i: number) => Partial<Omit<MetricSample, 'timestamp'>>,
): MetricSample[] {
  return Array.from({ length: n }, (_, i) => sampleAt(i * stepSeconds, values(i)));
}

/**
 * Zero-mean noise orthogonal to any linear trend over each block of 4 (+a, −a, −a, +a):
 * the OLS line is unchanged, only R² drops. Lets a test compare a clean and a noisy
 * series with exactly the same projected time to failure.
 */
export function orthogonalNoise(i: number, amplitude: number): number {
  return [amplitude, -amplitude, -amplitude, amplitude][i % 4]!;
}
