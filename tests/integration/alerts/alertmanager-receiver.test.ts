/**
 * POST /api/v1/alerts/alertmanager on the real database (PGlite; PostgreSQL with DATABASE_URL):
 * stored once per (fingerprint, startsAt), closed by `resolved`, matched by label, recorded in
 * unified_brain; bad payloads refused whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as receive } from '@/app/api/v1/alerts/alertmanager/route';
import { ensureComponent } from '@/db/queries/components';
import { setAlertRouting } from '@/db/queries/settings';
import { DEFAULT_ALERT_ROUTING } from '@/lib/alerts/routing';
import { call, createTestToken, tableCounts, testDatabase } from '../../helpers/api';
import { fingerprint, webhookPayload } from '../../support/alertmanager-payload';

let token: string;
beforeAll(async () => {
  token = await createTestToken('operator', 'alertmanager');
  const { db } = await testDatabase();
  for (const name of ['checkout', 'billing', 'by-job']) await ensureComponent(db, name);
});

async function storedAlerts(fp: string) {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ status: string; component: string | null; ends_at: Date | string | null; sent_by: string; component_label: string | null }>(
    `select a.status, c.name as component, a.ends_at, a.sent_by, a.component_label from alerts a left join components c on c.id = a.component_id
      where a.fingerprint = '${fp}' order by a.id`,
  );
}

async function brainRows(fp: string) {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ action_type: string; status: string; metadata: Record<string, any> }>(
    `select action_type, status, metadata from unified_brain where metadata->>'fingerprint' = '${fp}' order by id`,
  );
}

describe('POST /api/v1/alerts/alertmanager', () => {
  it('stores a firing alert once: a re-delivery (Alertmanager retry / group_interval re-send) creates nothing', async () => {
    const fp = fingerprint();
    const body = webhookPayload([{ labels: { alertname: 'HighErrorRate', component: 'checkout', severity: 'critical' }, annotations: { summary: 'errors above 5 %' }, fingerprint: fp }]);
    const first = await call(receive, { token, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 1, firing: 1, resolved: 0, unchanged: 0, unmatched: [] });
    const before = await tableCounts();
    const again = await call(receive, { token, body });
    expect(again.body).toMatchObject({ received: 1, firing: 0, unchanged: 1 });
    expect(await tableCounts()).toEqual(before);
    expect(await storedAlerts(fp)).toEqual([{ status: 'firing', component: 'checkout', ends_at: null, sent_by: 'alertmanager', component_label: 'checkout' }]);
    const brain = await brainRows(fp);
    expect(brain).toHaveLength(1);
    expect(brain[0]).toMatchObject({ action_type: 'alert_firing', status: 'firing', metadata: { component: 'checkout', alertname: 'HighErrorRate', severity: 'critical' } });
    expect(brain[0]!.metadata.annotations).toEqual({ summary: 'errors above 5 %' });
  });

  it('a resolved delivery closes the stored firing alert once, and a new startsAt is a new firing', async () => {
    const fp = fingerprint();
    const labels = { alertname: 'HighLatency', service: 'billing', severity: 'warning' };
    await call(receive, { token, body: webhookPayload([{ labels, fingerprint: fp }]) });
    const resolved = webhookPayload([{ labels, fingerprint: fp, status: 'resolved', endsAt: '2026-12-01T12:20:00Z' }]);
    expect((await call(receive, { token, body: resolved })).body).toMatchObject({ resolved: 1, unchanged: 0 });
    expect((await call(receive, { token, body: resolved })).body).toMatchObject({ resolved: 0, unchanged: 1 });
    // A late retry of the old firing delivery does not reopen it.
    expect((await call(receive, { token, body: webhookPayload([{ labels, fingerprint: fp }]) })).body).toMatchObject({ firing: 0, unchanged: 1 });
    const rows = await storedAlerts(fp);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'resolved', component: 'billing' });
    expect(new Date(rows[0]!.ends_at!).toISOString()).toBe('2026-12-01T12:20:00.000Z');
    expect((await brainRows(fp)).map((r) => r.action_type)).toEqual(['alert_firing', 'alert_resolved']);
    // The same alert firing again later is a new instance.
    const refire = await call(receive, { token, body: webhookPayload([{ labels, fingerprint: fp, startsAt: '2026-12-01T13:00:00Z' }]) });
    expect(refire.body).toMatchObject({ firing: 1 });
    expect((await storedAlerts(fp)).map((r) => r.status)).toEqual(['resolved', 'firing']);
  });

  it('an alert naming no registered component is stored unmatched, said so, and registers nothing', async () => {
    const fp = fingerprint();
    const nolabel = fingerprint();
    const before = await tableCounts();
    const res = await call(receive, {
      token,
      body: webhookPayload([
        { labels: { alertname: 'DiskFull', job: 'node-exporter-typo' }, fingerprint: fp },
        { labels: { alertname: 'Watchdog' }, fingerprint: nolabel },
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.body.unmatched).toEqual([
      { index: 0, alertname: 'DiskFull', fingerprint: fp, label: 'job', value: 'node-exporter-typo' },
      { index: 1, alertname: 'Watchdog', fingerprint: nolabel, label: null, value: null },
    ]);
    const after = await tableCounts();
    expect(after.components).toBe(before.components);
    expect(after.alerts - before.alerts).toBe(2);
    expect(await storedAlerts(fp)).toMatchObject([{ component: null, component_label: 'node-exporter-typo' }]);
    expect((await brainRows(fp))[0]!.metadata).toMatchObject({ component: null, unmatched: true, component_label: 'node-exporter-typo' });
  });

  it('maps by component, else service, else job — and by the order the admin sets', async () => {
    const { db } = await testDatabase();
    const fp = fingerprint();
    const labels = { alertname: 'X', component: 'checkout', service: 'billing', job: 'by-job' };
    await call(receive, { token, body: webhookPayload([{ labels, fingerprint: fp }]) });
    expect((await storedAlerts(fp))[0]!.component).toBe('checkout');
    await setAlertRouting(db, { componentLabels: ['job', 'service'], healingSeverities: ['critical'] }, 'test');
    try {
      const other = fingerprint();
      const res = await call(receive, { token, body: webhookPayload([{ labels, fingerprint: other }]) });
      expect(res.body.component_labels).toEqual(['job', 'service']);
      expect((await storedAlerts(other))[0]!.component).toBe('by-job');
    } finally {
      await setAlertRouting(db, { ...DEFAULT_ALERT_ROUTING }, 'test');
    }
  });

  describe('bad input: 400 naming the field, nothing stored', () => {
    const good = () => webhookPayload([{ labels: { alertname: 'Bad', component: 'checkout' }, fingerprint: fingerprint() }, { labels: { alertname: 'Bad2', component: 'checkout' } }]);
    const cases: [string, (b: any) => unknown, string][] = [
      ['a malformed startsAt', (b) => ((b.alerts[1].startsAt = 'yesterday'), b), 'alerts[1].startsAt'],
      ['a missing startsAt', (b) => (delete b.alerts[0].startsAt, b), 'alerts[0].startsAt'],
      ['a wrong version', (b) => ((b.version = '3'), b), 'version'],
      ['a numeric version', (b) => ((b.version = 4), b), 'version'],
      ['an unknown alert status', (b) => ((b.alerts[0].status = 'pending'), b), 'alerts[0].status'],
      ['a label that is not a string', (b) => ((b.alerts[0].labels.severity = 3), b), 'alerts[0].labels.severity'],
      ['a missing fingerprint', (b) => (delete b.alerts[0].fingerprint, b), 'alerts[0].fingerprint'],
      ['no alerts', (b) => ((b.alerts = []), b), 'alerts'],
      ['alerts not an array', (b) => ((b.alerts = {}), b), 'alerts'],
      ['a missing endsAt', (b) => (delete b.alerts[1].endsAt, b), 'alerts[1].endsAt'],
    ];
    it.each(cases)('%s', async (_, mutate, field) => {
      const before = await tableCounts();
      const res = await call(receive, { token, body: mutate(good()) });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(res.body.message).toContain(field);
      expect(await tableCounts()).toEqual(before);
    });

    it('a body that is not JSON', async () => {
      const before = await tableCounts();
      const res = await call(receive, { token, body: '{"version": "4",' });
      expect(res.status).toBe(400);
      expect(await tableCounts()).toEqual(before);
    });
  });

  it('needs an operator token: none → 401, a viewer token → 403', async () => {
    const body = webhookPayload([{ labels: { alertname: 'A', component: 'checkout' } }]);
    expect((await call(receive, { body })).status).toBe(401);
    expect((await call(receive, { token: await createTestToken('viewer'), body })).status).toBe(403);
  });
});
