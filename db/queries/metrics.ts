import 'server-only';
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { components, metricSamples, type MetricSampleRow, type NewMetricSampleRow } from '../schema';

/** Rows per statement: one JSON parameter each, so the bound is memory, not PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 10_000;

export async function insertSample(db: Db, sample: NewMetricSampleRow): Promise<MetricSampleRow> {
  const [row] = await db.insert(metricSamples).values(sample).returning();
  return row!;
}

/**
 * Bulk insert: the rows travel as one JSON parameter and PostgreSQL expands
 * them with json_to_recordset — one statement per 10,000 rows instead of
 * 80,000 bound parameters (several times faster on both drivers, see
 * `npm run bench`). Call inside a transaction for all-or-nothing.
 */
export async function insertSamples(db: Db, samples: NewMetricSampleRow[]): Promise<number> {
  for (let i = 0; i < samples.length; i += INSERT_CHUNK) {
    const rows = samples.slice(i, i + INSERT_CHUNK).map((s) => ({
      c: s.componentId,
      t: s.recordedAt.toISOString(),
      cpu: s.cpuUsage,
      mem: s.memoryUsage,
      err: s.errorRate,
      lat: s.latencyMs,
      mb: s.memoryMb ?? null,
      rr: s.requestRate ?? null,
      by: s.sentBy ?? null,
      uid: s.sentByUserId ?? null,
    }));
    await db.execute(sql`
      insert into ${metricSamples}
        (component_id, recorded_at, cpu_usage, memory_usage, error_rate, latency_ms, memory_mb, request_rate, sent_by, sent_by_user_id)
      select c, t, cpu, mem, err, lat, mb, rr, by, uid
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(c uuid, t timestamptz, cpu float8, mem float8, err float8, lat float8, mb float8, rr float8, by text, uid uuid)`);
  }
  return samples.length;
}

/**
 * Samples in (from, to], oldest first — all of them, or when there are more than
 * `limit`, every k-th counted from the newest so that they still span the whole
 * window. (The newest `limit` of a component reporting every second would cover
 * a few minutes: too short to tell a leak from one GC cycle or a trend from noise.)
 */
export async function samplesInWindow(
  db: Db,
  componentId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<MetricSampleRow[]> {
  const numbered = db
    .select({
      ...getTableColumns(metricSamples),
      rn: sql<number>`row_number() over (order by ${metricSamples.recordedAt} desc, ${metricSamples.id} desc)`.as('rn'),
      n: sql<number>`count(*) over ()`.as('n'),
    })
    .from(metricSamples)
    .where(
      and(
        eq(metricSamples.componentId, componentId),
        gt(metricSamples.recordedAt, from),
        lte(metricSamples.recordedAt, to),
      ),
    )
    .as('numbered');
  const rows = await db
    .select()
    .from(numbered)
    .where(sql`(${numbered.rn} - 1) % greatest(1, ceil(${numbered.n}::float8 / ${limit})::int) = 0`)
    .orderBy(asc(numbered.recordedAt), asc(numbered.id))
    .limit(limit);
  return rows.map(({ rn, n, ...row }) => row);
}

export async function countSamples(db: Db, componentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(metricSamples)
    .where(eq(metricSamples.componentId, componentId));
  return row?.n ?? 0;
}

/** The newest sample time of the named components (all components when omitted). */
export async function latestSampleTime(db: Db, componentNames?: string[]): Promise<Date | null> {
  const query = db
    .select({ at: metricSamples.recordedAt })
    .from(metricSamples)
    .innerJoin(components, eq(components.id, metricSamples.componentId));
  const [row] = await (componentNames ? query.where(inArray(components.name, componentNames)) : query)
    .orderBy(desc(metricSamples.recordedAt))
    .limit(1);
  return row?.at ?? null;
}

