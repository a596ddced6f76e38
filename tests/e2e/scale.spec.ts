/**
 * The scale action in a real browser against the e2e server (the demo
 * simulator's components, production, reconciler every 5 s): an admin sets
 * max_instances, an operator asks for one instance more in the dialog, it waits
 * in the approval queue, an approver approves and the simulator scales; the
 * service_scaled row shows in the activity filters and analytics. Bad input
 * through the API is a 400 naming the field.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { e2eState } from './support';
import { expect, test } from './test';

const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string, options: { fullPage?: boolean } = { fullPage: true }) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), ...options });
const COMPONENT = 'report-builder';
const bearer = (role: 'admin' | 'operator') => ({ authorization: `Bearer ${e2eState().tokens[role]}` });

test('without max_instances the scale dialog says an admin must set it first', async ({ operatorPage: operator }) => {
  await operator.goto('/components/checkout-api/actions');
  await operator.getByRole('button', { name: 'Scale', exact: true }).click();
  const dialog = operator.getByRole('dialog', { name: 'Scale checkout-api?' });
  await expect(dialog).toContainText('checkout-api has no max_instances');
  await expect(dialog.locator('button[type="submit"]')).toBeDisabled();
});

test('a production scale-out waits for an approver, then the simulator scales and the record shows everywhere', async ({
  operatorPage: operator,
  approverPage: approver,
}) => {
  test.setTimeout(150_000); // a request, an approval, three pages and their screenshots
  const set = await operator.request.put(`/api/v1/components/${COMPONENT}`, { headers: bearer('admin'), data: { max_instances: 3 } });
  expect(set.status()).toBe(200);
  // An operator may not raise it: 403 naming the field, nothing stored.
  const raise = await operator.request.put(`/api/v1/components/${COMPONENT}`, { headers: bearer('operator'), data: { max_instances: 50 } });
  expect(raise.status()).toBe(403);
  expect((await raise.json()).issues).toEqual([{ field: 'max_instances', message: 'requires the admin role to change' }]);
  // The limit is part of the component's recorded configuration (what a config rollback restores).
  await operator.goto(`/components/${COMPONENT}`);
  await expect(operator.getByRole('table', { name: 'Configuration history' }).locator('tbody tr').first()).toContainText('at most 3 instances');

  await operator.goto(`/components/${COMPONENT}/actions`);
  await operator.getByRole('button', { name: 'Scale', exact: true }).click();
  const dialog = operator.getByRole('dialog', { name: `Scale ${COMPONENT}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /one instance more/ })).toBeChecked();
  await expect(dialog).toContainText('max_instances (3)');
  await expect(dialog.getByTestId('target')).toHaveText(`simulated service sim-${COMPONENT} (demo simulator)`);
  await expect(dialog.getByTestId('risk')).toContainText('scale in production needs an approver');
  await expect(dialog.getByTestId('when')).toContainText('approval queue');
  await shot(operator, 'scale-dialog', {});
  await dialog.getByRole('button', { name: 'Request approval' }).click();
  await expect(dialog).toBeHidden();
  const pending = operator.getByTestId('request-pending');
  await expect(pending).toContainText(`Scale (by +1) of ${COMPONENT} is waiting for an approver`);
  const id = (await pending.getAttribute('data-remediation-id'))!;

  await approver.goto('/approvals');
  const item = approver.locator(`article[data-remediation-id="${id}"]`);
  await expect(item).toContainText('Scale (by +1)');
  // The limit the approval is bound to, in words (not the raw "max_instances #3").
  await expect(item.getByTestId('bound-target')).toContainText('at most 3 instances');
  await shot(approver, 'scale-approval-queue');
  await item.getByRole('button', { name: 'Approve' }).click();
  const outcome = item.getByTestId('decision-outcome');
  await expect(outcome).toContainText('executed: succeeded');
  await expect(outcome.locator('[data-field="from_instances"] dd')).toHaveText('1');
  await expect(outcome.locator('[data-field="to_instances"] dd')).toHaveText('2');
  await expect(outcome).toContainText('Scaled to 2 instances (simulated)');
  await shot(approver, 'scale-approved');

  // The activity filters offer service_scaled (from the registry) and find the row.
  await approver.goto(`/activity?component=${COMPONENT}&span=1h`);
  await expect(approver.getByLabel('Action type').locator('option[value="service_scaled"]')).toHaveCount(1);
  await approver.goto(`/activity?component=${COMPONENT}&type=service_scaled&span=1h`);
  const row = approver.getByRole('table', { name: 'Activity' }).locator('tr[data-action="service_scaled"]', { hasText: id }).first();
  await expect(row).toHaveAttribute('data-status', 'success');
  await expect(row).toContainText('to instances');
  await shot(approver, 'scale-activity');

  await approver.goto('/analytics');
  await expect(approver.locator('main')).toContainText('service_scaled');
  await shot(approver, 'scale-analytics');
});

test('bad scale input through the API: 400 naming the field, nothing queued', async ({ operatorPage: operator }) => {
  for (const [body, field] of [
    [{}, 'num_instances'],
    [{ by: 0 }, 'by'],
    [{ num_instances: 2, by: 1 }, 'by'],
    [{ num_instances: 1.5 }, 'num_instances'],
  ] as const) {
    const res = await operator.request.post(`/api/v1/components/${COMPONENT}/scale`, { headers: bearer('operator'), data: body });
    expect(res.status()).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  }
});
