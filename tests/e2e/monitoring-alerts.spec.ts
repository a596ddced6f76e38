/**
 * Alertmanager alerts in the browser: a firing critical alert delivered to the receiver (as
 * Alertmanager's webhook sends it, with an operator token) shows on the overview and the component
 * page, and the reconciler's proposal carries its labels and annotations into the approval card.
 * Resolved, it leaves the firing list.
 *
 * It registers a component of its own, so it must run after dashboard.spec.ts, which counts the
 * overview's rows (one worker, files in name order — like scale.spec.ts and secrets.spec.ts).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { webhookPayload } from '../support/alertmanager-payload';
import { e2eState } from './support';
import { expect, test } from './test';

const SHOTS = 'test-results/screenshots';
const COMPONENT = 'alerted-checkout';
const FINGERPRINT = 'e2e0a1b2c3d4e5f6';
const STARTS_AT = new Date(Date.now() - 3 * 60_000).toISOString();
const since = `${STARTS_AT.slice(11, 16)} UTC`;
const alert = (status: 'firing' | 'resolved') =>
  webhookPayload([
    {
      status,
      labels: { alertname: 'HighErrorRate', component: COMPONENT, severity: 'critical', team: 'payments' },
      annotations: { summary: 'checkout 5xx above 5 % for 5 minutes', runbook_url: 'https://runbooks.example/high-error-rate' },
      startsAt: STARTS_AT,
      ...(status === 'resolved' && { endsAt: new Date().toISOString() }),
      fingerprint: FINGERPRINT,
    },
  ]);

const bearer = (role: 'operator' | 'admin') => ({ authorization: `Bearer ${e2eState().tokens[role]}` });

async function deliver(page: Page, body: unknown) {
  return page.request.post('/api/v1/alerts/alertmanager', { headers: bearer('operator'), data: body });
}

test('a firing Alertmanager alert: overview, component page, and its evidence in the approval card', async ({ approverPage: page }) => {
  // Waits for reconciler passes (every 5 s) and re-proposals after the 30 s approval expiry.
  test.setTimeout(180_000);
  // A production component on a Render service: a restart of it waits for an approver.
  const put = await page.request.put(`/api/v1/components/${COMPONENT}`, { headers: bearer('admin'), data: { render_service_id: 'srv-alertedcheckout' } });
  expect([200, 201]).toContain(put.status());

  const bad = alert('firing') as any;
  bad.alerts[0].startsAt = 'five minutes ago';
  const refused = await deliver(page, bad);
  expect(refused.status()).toBe(400);
  expect((await refused.json()).message).toContain('alerts[0].startsAt');

  const first = await deliver(page, alert('firing'));
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ firing: 1, unmatched: [] });
  expect(await (await deliver(page, alert('firing'))).json()).toMatchObject({ firing: 0, unchanged: 1 }); // Alertmanager's retry

  // The overview: the firing line beside the component's name.
  await page.goto('/');
  const row = page.locator(`tr[data-component="${COMPONENT}"]`);
  await expect(row.getByTestId('firing-alerts')).toContainText(`firing: HighErrorRate since ${since}`);
  await expect(row.getByTestId('firing-alerts')).toContainText('healing trigger');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'alerts-overview.png') });

  // The component page: the alert with its labels and annotations.
  await page.goto(`/components/${COMPONENT}`);
  const panel = page.getByTestId('alerts-panel');
  await expect(panel).toContainText(`firing: HighErrorRate since ${since}`);
  await expect(panel).toContainText('checkout 5xx above 5 % for 5 minutes');
  await expect(panel).toContainText('payments');
  await panel.screenshot({ path: path.join(SHOTS, 'alerts-component-page.png') });

  // The reconciler (every 5 s here) proposes a restart on the alert; the card shows the alert.
  // Proposals expire after 30 s in the e2e server and are proposed again, so the card is found
  // by its component (the queue polls), not by one id.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/remediations?component=${COMPONENT}&status=pending_approval`, { headers: bearer('admin') });
        const { remediations } = (await res.json()) as { remediations: { action: string }[] };
        return remediations.some((r) => r.action === 'restart');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.goto('/approvals');
  const card = page.locator('article[data-remediation-id]', { hasText: 'alert HighErrorRate firing since' }).first();
  await expect(card).toContainText(COMPONENT, { timeout: 45_000 });
  const evidence = card.getByTestId('alert-evidence');
  await expect(evidence).toContainText('HighErrorRate');
  await expect(evidence).toContainText('summary: checkout 5xx above 5 % for 5 minutes');
  await expect(evidence).toContainText('runbook_url: https://runbooks.example/high-error-rate');
  await expect(evidence).toContainText('team="payments"');
  // The token that delivered the alert sent the evidence.
  await expect(card.getByTestId('evidence-senders')).toContainText('e2e-operator');
  await card.screenshot({ path: path.join(SHOTS, 'alerts-approval-card.png') });

  // Resolved: no longer firing on the page, listed as resolved.
  expect(await (await deliver(page, alert('resolved'))).json()).toMatchObject({ resolved: 1 });
  await page.goto(`/components/${COMPONENT}`);
  await expect(panel).toContainText('Nothing firing.');
  await expect(panel.getByRole('table', { name: 'Resolved alerts' })).toContainText('HighErrorRate');
  await page.goto('/');
  await expect(page.locator(`tr[data-component="${COMPONENT}"]`).getByTestId('firing-alerts')).toHaveCount(0);
});
