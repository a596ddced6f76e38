/**
 * The component page's charts read downsampled series: 7 days of one-per-minute
 * samples must come back as a few hundred buckets whose averages and maxima are
 * exactly those of the raw samples in each bucket.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureComponent } from '@/db/queries/components';
import { insertHealthCheck } from '@/db/queries/health-checks';
import { metricBuckets, scoreBuckets } from '@/db/queries/metric-series';
import { insertSamples } from '@/db/queries/metrics';
import type { NewMetricSampleRow } from '@/db/schema';
import { bucketSecondsFor, bucketStart, MAX_CHART_POINTS } from '@/lib/dashboard/buckets';
import { DURATION_SECONDS } from '@/lib/dashboard/durations';
import { testDatabase } from '../../helpers/api';

const MINUTES = 7 * 24 * 60; // 10,080
const END = new Date('2026-11-29T12:00:30Z'); // deliberately not on a bucket boundary
const FROM = new Date(END.getTime() - DURATION_SECONDS['7d'] * 1000);

let componentId: string;
let samples: NewMetricSampleRow[];

beforeAll(async () => {
  const { db } = await testDatabase();
  componentId = (await ensureComponent(db, 'downsampled')).id;
  samples = Array.from({ length: MINUTES }, (_, i) => ({
    componentId,
    recordedAt: new Date(END.getTime() - (MINUTES - 1 - i) * 60_000),
    cpuUsage: 50 + 30 * Math.sin(i / 97) + (i % 7),
    memoryUsage: 40 + (i % 50) / 2,
    errorRate: (i % 13) / 1000,
    latencyMs: 200 + ((i * 37) % 400),
    // Resident memory reported only for the second half of the week.
    memoryMb: i >= MINUTES / 2 ? 500 + (i % 120) : null,
  }));
  expect(await insertSamples(db, samples)).toBe(MINUTES);
}, 120_000);

interface Expected {
  n: number;
  cpuSum: number;
  cpuMax: number;
  latSum: number;
  latMax: number;
  mb: number[];
}

/** The same buckets computed directly from the samples the test wrote. */
function expectedBuckets(bucketSeconds: number): Map<number, Expected> {
  const map = new Map<number, Expected>();
  for (const s of samples) {
    if (s.recordedAt <= FROM || s.recordedAt > END) continue;
    const key = bucketStart(s.recordedAt, bucketSeconds).getTime();
    const e = map.get(key) ?? { n: 0, cpuSum: 0, cpuMax: -Infinity, latSum: 0, latMax: -Infinity, mb: [] };
    e.n++;
    e.cpuSum += s.cpuUsage;
    e.cpuMax = Math.max(e.cpuMax, s.cpuUsage);
    e.latSum += s.latencyMs;
    e.latMax = Math.max(e.latMax, s.latencyMs);
    if (s.memoryMb != null) e.mb.push(s.memoryMb);
    map.set(key, e);
  }
  return map;
}

describe('metricBuckets over 7 days of one-per-minute samples', () => {
  it('returns at most a few hundred points, each matching a direct aggregate', async () => {
    const { db } = await testDatabase();
    const bucketSeconds = bucketSecondsFor(DURATION_SECONDS['7d']);
    const buckets = await metricBuckets(db, { componentId, from: FROM, to: END, bucketSeconds });

    expect(buckets.length).toBeGreaterThan(100);
    expect(buckets.length).toBeLessThanOrEqual(MAX_CHART_POINTS + 1);
    console.info(`7 days, ${MINUTES} samples → ${buckets.length} points (${bucketSeconds}s buckets)`);

    const expected = expectedBuckets(bucketSeconds);
    expect(buckets.map((b) => b.at.getTime())).toEqual([...expected.keys()].sort((a, b) => a - b));
    expect(buckets.reduce((sum, b) => sum + b.samples, 0)).toBe(MINUTES);
    for (const bucket of buckets) {
      const e = expected.get(bucket.at.getTime())!;
      expect(bucket.samples).toBe(e.n);
      expect(bucket.cpuAvg).toBeCloseTo(e.cpuSum / e.n, 9);
      expect(bucket.cpuMax).toBe(e.cpuMax);
      expect(bucket.latencyAvg).toBeCloseTo(e.latSum / e.n, 9);
      expect(bucket.latencyMax).toBe(e.latMax);
      if (e.mb.length === 0) {
        expect(bucket.memoryMbAvg).toBeNull();
      } else {
        expect(bucket.memoryMbAvg).toBeCloseTo(e.mb.reduce((a, v) => a + v, 0) / e.mb.length, 9);
        expect(bucket.memoryMbMax).toBe(Math.max(...e.mb));
      }
    }
  });

  it('keeps every range of the component page within the point budget', async () => {
    const { db } = await testDatabase();
    for (const range of ['1h', '6h', '24h', '7d'] as const) {
      const seconds = DURATION_SECONDS[range];
      const buckets = await metricBuckets(db, {
        componentId,
        from: new Date(END.getTime() - seconds * 1000),
        to: END,
        bucketSeconds: bucketSecondsFor(seconds),
      });
      expect(buckets.length, range).toBeGreaterThan(0);
      expect(buckets.length, range).toBeLessThanOrEqual(MAX_CHART_POINTS + 1);
    }
  });
});

describe('scoreBuckets', () => {
  it('averages scores per bucket and keeps the worst one', async () => {
    const { db } = await testDatabase();
    const base = new Date('2026-11-29T10:00:00Z').getTime();
    const scores = [100, 50, 75, 100, 87.5];
    for (const [i, score] of scores.entries()) {
      await insertHealthCheck(db, {
        componentId,
        checkedAt: new Date(base + i * 20_000), // 0, 20, 40 s in the first minute; 60, 80 s in the next
        healthScore: score,
        trend: 'stable',
        probability: 0.01,
        timeToFailure: '> 24 hours',
        predictionLevel: 'low',
        result: {},
      });
    }
    const buckets = await scoreBuckets(db, { componentId, from: new Date(base - 1), to: new Date(base + 3_600_000), bucketSeconds: 60 });
    expect(buckets).toEqual([
      { at: new Date(base), checks: 3, scoreAvg: 75, scoreMin: 50 },
      { at: new Date(base + 60_000), checks: 2, scoreAvg: 93.75, scoreMin: 87.5 },
    ]);
  });
});
