/**
 * Alertmanager's webhook payload, version 4 (Alertmanager 0.25: notify/webhook's Message =
 * template.Data + version, groupKey, truncatedAlerts). Fields the console reads are checked and
 * named when wrong (`alerts[0].startsAt`); unknown fields are ignored, so a newer Alertmanager
 * adding one keeps delivering. Another `version` is refused: its shape is not this one.
 */
import { z } from 'zod';

/** Alertmanager sends its whole group; a group this large is a routing mistake, not a delivery. */
export const MAX_ALERTS_PER_DELIVERY = 1000;
/** Go's zero time: what Alertmanager writes as `endsAt` of an alert that has not ended. */
const GO_ZERO_TIME_BEFORE = Date.parse('1970-01-02T00:00:00Z');
const EARLIEST_START = Date.parse('2000-01-01T00:00:00Z');

/** "is required" when absent, else what it must be. */
const say = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what);
const text = () => z.string({ error: say('must be a string') });
const labelSet = z.record(z.string(), z.string({ error: say('must be a string') }), { error: say('must be an object of string values') });
const status = z.enum(['firing', 'resolved'], { error: say('must be "firing" or "resolved"') });
const isoTime = z.iso.datetime({ offset: true, error: say('must be an RFC 3339 date-time, e.g. 2026-12-01T12:03:00Z') });

export const alertSchema = z.object(
  {
    status,
    labels: labelSet,
    annotations: labelSet,
    startsAt: isoTime
      .transform((value) => new Date(value))
      .refine((d) => d.getTime() >= EARLIEST_START, 'must not be before 2000-01-01T00:00:00Z'),
    // Go's zero time (0001-01-01T00:00:00Z) means "not ended"; kept as null.
    endsAt: isoTime.transform((value) => {
      const d = new Date(value);
      return d.getTime() < GO_ZERO_TIME_BEFORE ? null : d;
    }),
    generatorURL: text().max(2048, 'must be at most 2048 characters'),
    fingerprint: text().regex(/^[0-9a-zA-Z]{1,64}$/, 'must be 1–64 letters or digits (Alertmanager writes 16 hex digits)'),
  },
  { error: say('must be an alert object') },
);
export type AlertmanagerAlert = z.output<typeof alertSchema>;

export const alertmanagerPayloadSchema = z.object(
  {
    version: z.literal('4', { error: say('must be "4" (Alertmanager webhook payload version 4)') }),
    groupKey: text(),
    truncatedAlerts: z.number({ error: say('must be a number') }).int('must be a whole number').min(0, 'must be ≥ 0').optional(),
    status,
    receiver: text(),
    groupLabels: labelSet,
    commonLabels: labelSet,
    commonAnnotations: labelSet,
    externalURL: text(),
    alerts: z
      .array(alertSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of alerts') })
      .min(1, 'must contain at least one alert')
      .max(MAX_ALERTS_PER_DELIVERY, `must contain at most ${MAX_ALERTS_PER_DELIVERY} alerts`),
  },
  { error: say('must be a JSON object') },
);
export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
