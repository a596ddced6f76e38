import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '@/lib/api/errors';
import { alertmanagerPayloadSchema } from '@/lib/validation/alertmanager';
import { webhookPayload } from '../../support/alertmanager-payload';

const fields = (body: unknown) => {
  const parsed = alertmanagerPayloadSchema.safeParse(body);
  return parsed.success ? [] : issuesFromZod(parsed.error).map((i) => `${i.field}: ${i.message}`);
};

describe('Alertmanager webhook payload (version 4)', () => {
  it('accepts the payload Alertmanager 0.25 sends, with Go nanosecond times and the zero endsAt', () => {
    const body = webhookPayload([{ labels: { alertname: 'HighErrorRate' }, startsAt: '2026-12-01T12:03:00.739266876+02:00' }]);
    const parsed = alertmanagerPayloadSchema.parse(body);
    expect(parsed.alerts[0]!.startsAt.toISOString()).toBe('2026-12-01T10:03:00.739Z');
    expect(parsed.alerts[0]!.endsAt).toBeNull(); // 0001-01-01T00:00:00Z: not ended
  });

  it('ignores fields it does not read (a newer Alertmanager adding one keeps delivering); truncatedAlerts is optional', () => {
    const body: any = webhookPayload([{ labels: { alertname: 'A' } }]);
    body.alerts[0].silenceURL = 'http://x';
    delete body.truncatedAlerts;
    expect(alertmanagerPayloadSchema.safeParse(body).success).toBe(true);
  });

  it('names each bad field', () => {
    const body: any = webhookPayload([{ labels: { alertname: 'A' } }, { labels: { alertname: 'B' } }]);
    body.alerts[1].startsAt = '12:03';
    body.alerts[0].fingerprint = 'not hex!';
    body.alerts[0].annotations = { summary: 1 };
    body.truncatedAlerts = -1;
    expect(fields(body)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^alerts\[1\]\.startsAt: must be an RFC 3339 date-time/),
        expect.stringMatching(/^alerts\[0\]\.fingerprint: /),
        'alerts[0].annotations.summary: must be a string',
        'truncatedAlerts: must be ≥ 0',
      ]),
    );
  });

  it('refuses another version, and says which it reads', () => {
    expect(fields({ ...webhookPayload([{ labels: {} }]), version: '5' })).toEqual(['version: must be "4" (Alertmanager webhook payload version 4)']);
    expect(fields({ ...webhookPayload([{ labels: {} }]), version: undefined })).toEqual(['version: is required']);
  });

  it('refuses a start before 2000 (a clock never set) and a non-object body', () => {
    expect(fields(webhookPayload([{ labels: {}, startsAt: '1970-01-01T00:00:00Z' }]))).toEqual(['alerts[0].startsAt: must not be before 2000-01-01T00:00:00Z']);
    expect(fields([])).toEqual([expect.stringMatching(/must be a JSON object$/)]);
  });
});
