/**
 * Chart series of one component, downsampled in the database: samples and
 * checks are grouped into fixed buckets with `date_bin` (average and extreme
 * per bucket), so a 7-day chart reads a few hundred rows, never every sample.
 */
import 'server-only';
import { and, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { healthChecks, metricSamples } from '../schema';
import { dateBin } from './date-bin';

export interface SeriesQuery {
  componentId: string;
  /** Exclusive lower bound. */
  from: Date;
  /** Inclusive upper bound. */
  to: Date;
  bucketSeconds: number;
}

export interface MetricBucket {
  /** Start of the bucket. */
  at: Date;
  samples: number;
  cpuAvg: number;
  cpuMax: number;
  memoryAvg: number;
  memoryMax: number;
  errorAvg: number;
  errorMax: number;
  latencyAvg: number;
  latencyMax: number;
  /** Null when no sample of the bucket carried memory_mb. */
  memoryMbAvg: number | null;
  memoryMbMax: number | null;
}

export interface ScoreBucket {
  at: Date;
  checks: number;
  scoreAvg: number;
  /** The worst score in the bucket: a short dip must stay visible after averaging. */
  scoreMin: number;
}

const num = (expression: SQL): SQL<number> => expression.mapWith(Number);
const nullableNum = (expression: SQL): SQL<number | null> =>
  expression.mapWith((v: unknown) => (v === null ? null : Number(v)));

export async function metricBuckets(db: Db, q: SeriesQuery): Promise<MetricBucket[]> {
  const s = metricSamples;
  const bucket = dateBin(s.recordedAt, q.bucketSeconds);
  return db
    .select({
      at: bucket,
      samples: num(sql`count(*)`),
      cpuAvg: num(sql`avg(${s.cpuUsage})`),
      cpuMax: num(sql`max(${s.cpuUsage})`),
      memoryAvg: num(sql`avg(${s.memoryUsage})`),
      memoryMax: num(sql`max(${s.memoryUsage})`),
      errorAvg: num(sql`avg(${s.errorRate})`),
      errorMax: num(sql`max(${s.errorRate})`),
      latencyAvg: num(sql`avg(${s.latencyMs})`),
      latencyMax: num(sql`max(${s.latencyMs})`),
      memoryMbAvg: nullableNum(sql`avg(${s.memoryMb})`),
      memoryMbMax: nullableNum(sql`max(${s.memoryMb})`),
    })
    .from(s)
    .where(and(eq(s.componentId, q.componentId), gt(s.recordedAt, q.from), lte(s.recordedAt, q.to)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

export async function scoreBuckets(db: Db, q: SeriesQuery): Promise<ScoreBucket[]> {
  const h = healthChecks;
  return db
    .select({
      at: dateBin(h.checkedAt, q.bucketSeconds),
      checks: num(sql`count(*)`),
      scoreAvg: num(sql`avg(${h.healthScore})`),
      scoreMin: num(sql`min(${h.healthScore})`),
    })
    .from(h)
    .where(and(eq(h.componentId, q.componentId), gt(h.checkedAt, q.from), lte(h.checkedAt, q.to)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

/** When the component last reported; anchors the prediction window the way the health check did. */
export async function latestSampleAt(db: Db, componentId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: metricSamples.recordedAt })
    .from(metricSamples)
    .where(eq(metricSamples.componentId, componentId))
    .orderBy(desc(metricSamples.recordedAt))
    .limit(1);
  return row?.at ?? null;
}
