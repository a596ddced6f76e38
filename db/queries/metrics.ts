import { and, count, desc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { metricSamples, type MetricSampleRow, type NewMetricSampleRow } from '../schema';

// 8 bound parameters per row; PostgreSQL allows 65,535 per statement.
const INSERT_CHUNK = 5_000;

export async function insertSample(db: Db, sample: NewMetricSampleRow): Promise<MetricSampleRow> {
  const [row] = await db.insert(metricSamples).values(sample).returning();
  return row!;
}

/** Multi-row INSERTs, a few thousand rows per statement; call inside a transaction for all-or-nothing. */
export async function insertSamples(db: Db, samples: NewMetricSampleRow[]): Promise<number> {
  for (let i = 0; i < samples.length; i += INSERT_CHUNK) {
    await db.insert(metricSamples).values(samples.slice(i, i + INSERT_CHUNK));
  }
  return samples.length;
}

/** Samples in (from, to], oldest first, at most `limit` of the newest. */
export async function samplesInWindow(
  db: Db,
  componentId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<MetricSampleRow[]> {
  const newestFirst = await db
    .select()
    .from(metricSamples)
    .where(
      and(
        eq(metricSamples.componentId, componentId),
        gt(metricSamples.recordedAt, from),
        lte(metricSamples.recordedAt, to),
      ),
    )
    .orderBy(desc(metricSamples.recordedAt), desc(metricSamples.id))
    .limit(limit);
  return newestFirst.reverse();
}

export async function countSamples(db: Db, componentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(metricSamples)
    .where(eq(metricSamples.componentId, componentId));
  return row?.n ?? 0;
}

export async function latestSampleTime(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: metricSamples.recordedAt })
    .from(metricSamples)
    .orderBy(desc(metricSamples.recordedAt))
    .limit(1);
  return row?.at ?? null;
}

