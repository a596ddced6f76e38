import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { BUCKET_ORIGIN } from '../bucket-origin';

/**
 * `date_bin(bucket, column, origin)`: the start of the fixed-width bucket a
 * timestamp falls in, decoded as the column's own type (a Date). Shared by
 * every downsampled series so all charts bucket the same way.
 */
export function dateBin(column: AnyPgColumn, bucketSeconds: number): SQL<Date> {
  return sql`date_bin(${`${bucketSeconds} seconds`}::interval, ${column}, ${BUCKET_ORIGIN.toISOString()}::timestamptz)`.mapWith(
    column,
  ) as SQL<Date>;
}
