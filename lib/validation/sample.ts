/**
 * Wire formats for metric ingestion (SPEC §1). Strict: unknown fields, wrong
 * types, NaN/Infinity and out-of-range values are rejected with the field named.
 */
import { z } from 'zod';

export const COMPONENT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const MAX_BATCH_SAMPLES = 10_000;
/** Body cap of a batch: 10,000 samples of ~150 bytes each, with room for long names and memory_mb. */
export const BATCH_BODY_LIMIT = 8 * 1024 * 1024;
/** Clocks drift; a sample further ahead than this is a client bug, not a measurement. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/**
 * The earliest timestamp a sample may carry. JavaScript dates reach back to
 * year -271821, PostgreSQL's timestamptz does not (year 0 does not exist
 * there: "0000-01-01T00:00:00Z" was a 500). Nothing this console measures
 * predates 2000; an earlier time is a device whose clock was never set (1970).
 */
export const EARLIEST_SAMPLE_TIME = '2000-01-01T00:00:00Z';
const EARLIEST_SAMPLE_MS = Date.parse(EARLIEST_SAMPLE_TIME);

export const componentNameSchema = z
  .string({ error: 'must be a string' })
  .regex(COMPONENT_NAME_PATTERN, 'must match [a-z0-9][a-z0-9._-]{0,62} (lowercase, up to 63 characters)');

const number = () =>
  z.number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a finite number') });

const percent = () => number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');

const timestamp = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T23:43:49Z' })
  .transform((value) => new Date(value))
  .refine((date) => Number.isFinite(date.getTime()) && date.getTime() >= EARLIEST_SAMPLE_MS, `must not be before ${EARLIEST_SAMPLE_TIME}`)
  .refine((date) => date.getTime() <= Date.now() + MAX_FUTURE_SKEW_MS, 'is more than 5 minutes in the future');

export const metricFields = {
  cpu_usage: percent(),
  memory_usage: percent(),
  error_rate: number().min(0, 'must be a fraction between 0 and 1').max(1, 'must be a fraction between 0 and 1'),
  latency_ms: number().min(0, 'must be ≥ 0'),
  memory_mb: number().min(0, 'must be ≥ 0').optional(),
  /** Requests per second (optional): a rising rate makes the reconciler scale rather than restart. */
  request_rate: number().min(0, 'must be ≥ 0 (requests per second)').optional(),
  timestamp: timestamp.optional(),
};

/** Body of POST /api/v1/components/{name}/health. */
const objectBody = { error: 'must be a JSON object' };

export const sampleSchema = z.strictObject(metricFields, objectBody);
export type SampleInput = z.output<typeof sampleSchema>;

/** Body of POST /api/v1/metrics. */
export const batchSchema = z.strictObject(
  {
  samples: z
    .array(z.strictObject({ component: componentNameSchema, ...metricFields }, objectBody), {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of samples'),
    })
    .min(1, 'must contain at least one sample')
    .max(MAX_BATCH_SAMPLES, `must contain at most ${MAX_BATCH_SAMPLES} samples`),
  },
  objectBody,
);
export type BatchInput = z.output<typeof batchSchema>;
