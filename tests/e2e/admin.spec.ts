/**
 * The admin page in Chromium, as an admin uses it: people, tokens, policies,
 * the pause switch — and bad input refused with a message naming the field,
 * nothing stored. Screenshots land in test-results/screenshots/.
 */
import type { Page } from '@playwright/test';
import { E2E_ADMIN } from './fixtures';
import { rememberSecret, untilHydrated } from './support';
import { expect, test } from './test';

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });

test.use({ signedInAs: 'admin' });

test.beforeEach(async ({ page }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
});

test('users: bad input is refused naming the field; create, change role, disable', async ({ page }) => {
  const email = `new-sre-${Date.now()}@example.com`;
  const password = `initial password ${Date.now()}`;
  rememberSecret(password);
  const row = page.locator(`tr[data-user="${email}"]`);

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await expect(dialog).toBeVisible();
  await shot(page, 'admin-add-user');
  const submit = () => dialog.getByRole('button', { name: 'Create user' }).click();
  const error = dialog.getByRole('alert');

  // Missing email.
  await dialog.getByLabel('Initial password').fill(password);
  await submit();
  await expect(error).toHaveText('email: is required');
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  // Password shorter than 12 characters.
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Initial password').fill('short-pw');
  await submit();
  await expect(error).toHaveText('password: must be at least 12 characters');
  await expect(dialog.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'admin-add-user-error');

  // A role the page does not offer (a tampered form): the server still says no.
  await dialog.getByLabel('Initial password').fill(password);
  await dialog.getByLabel('Role').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('root', 'root'));
    select.value = 'root';
  });
  await submit();
  await expect(error).toHaveText('role: must be one of viewer, operator, approver, admin');

  // Nothing of that was stored.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  await expect(row).toHaveCount(0);

  // Now properly.
  await page.getByRole('button', { name: 'Add user' }).click();
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name').fill('New SRE');
  await dialog.getByLabel('Role').selectOption('operator');
  await dialog.getByLabel('Initial password').fill(password);
  await submit();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(`Created operator ${email}.`);
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('operator');
  await expect(row).toContainText('New SRE');
  await expect(row.getByText('Active')).toBeVisible();

  // Change the role.
  await row.getByLabel(`Role of ${email}`).selectOption('approver');
  await expect(page.getByRole('status').filter({ hasText: 'is now' })).toHaveText(`${email} is now approver.`);
  await page.reload();
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('approver');
  // The change is on record in the database, newest first: who, what, whom, from → to.
  const events = page.getByRole('table', { name: 'Recent admin events' });
  const roleEvent = events.locator('tbody tr').first();
  await expect(roleEvent).toHaveAttribute('data-action', 'user.role');
  await expect(roleEvent).toContainText(E2E_ADMIN.email);
  await expect(roleEvent.locator('td')).toHaveText([/UTC$/, E2E_ADMIN.email, 'changed the role of', email, 'operator → approver']);
  await expect(events.locator('tr[data-action="user.create"]').filter({ hasText: email })).toHaveCount(1);
  expect(await events.textContent()).not.toContain(password);
  await events.scrollIntoViewIfNeeded();
  await shot(page, 'admin-events');

  // Disable, and enable again.
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Enable' })).toBeVisible();
  await page.reload();
  await expect(row.getByText('Disabled')).toBeVisible();

  // The admin's own row offers neither a role change nor disabling.
  const self = page.locator(`tr[data-user="${E2E_ADMIN.email}"]`);
  await expect(self.getByLabel(`Role of ${E2E_ADMIN.email}`)).toBeDisabled();
  await expect(self.getByRole('button')).toHaveCount(0);
  await shot(page, 'admin', true);
});

test('tokens: shown once with a copy button, usable, then revoked', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `ui-token-${Date.now()}`;
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API token' });

  // Bad input: no name.
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('name: is required');
  await expect(page.locator(`tr[data-token]`).filter({ hasText: 'ui-token-' })).toHaveCount(0);

  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('dialog', { name: `Token "${name}" created` });
  const field = shown.getByTestId('new-token');
  await expect(field).toHaveValue(/^shc_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const token = await field.inputValue();
  rememberSecret(token);
  await shown.getByRole('button', { name: 'Copy token' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await shot(page, 'admin-token-created');

  // It works, and it is never shown again.
  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get('/api/v1/components', { headers: auth })).status()).toBe(200);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  const row = page.locator(`tr[data-token="${name}"]`);
  await expect(row).toContainText('viewer');
  await expect(row).toContainText(E2E_ADMIN.email);
  await expect(row.getByText('Active')).toBeVisible();
  await page.reload();
  expect(await page.content()).not.toContain(token);
  await expect(row).not.toContainText('never'); // "last used" shows the call above

  // Revoke, after a confirmation.
  await row.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke token "${name}"?` });
  await expect(confirm).toBeVisible();
  await shot(page, 'admin-revoke-token');
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText('Revoked')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  expect((await request.get('/api/v1/components', { headers: auth })).status()).toBe(401);
});

test('remediation policy per component, and the global pause switch', async ({ page }) => {
  // The simulator registers its components within a second of start; the page lists what exists.
  const policy = page.getByLabel('Policy of checkout-api');
  await expect(async () => {
    await page.reload();
    await expect(policy).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(policy).toHaveValue('default');
  await policy.selectOption('approval');
  await expect(page.getByRole('status').filter({ hasText: 'policy is now' })).toHaveText('checkout-api: policy is now approval.');
  await page.reload();
  await expect(policy).toHaveValue('approval');
  await policy.selectOption('default'); // as other specs expect it
  await expect(page.getByRole('status').filter({ hasText: 'policy is now' })).toHaveText('checkout-api: policy is now default.');

  const state = page.getByTestId('pause-state');
  await expect(state).toContainText('Running');
  await page.getByRole('button', { name: 'Pause automation' }).click();
  await expect(state).toContainText(`Paused by ${E2E_ADMIN.email} at`);
  await page.reload();
  await expect(state).toContainText('No remediation runs automatically');
  await shot(page, 'admin-paused');
  await page.getByRole('button', { name: 'Resume automation' }).click();
  await expect(state).toContainText('Running');
  await expect(page.getByRole('button', { name: 'Pause automation' })).toBeVisible();
});

test('cleanup hook addresses: a malformed range is refused naming the field; a saved list says who saved it', async ({ page }) => {
  const panel = page.getByRole('region', { name: 'Cleanup hook addresses' });
  const field = panel.getByLabel('Allowed internal ranges (CIDR, one per line or comma-separated)');
  await expect(field).toHaveValue('127.0.0.0/8\n::1/128');
  await expect(panel).toContainText('never called, whatever is listed');

  await untilHydrated(field);
  await field.fill('127.0.0.0/8\n10.0.0.0/33');
  await panel.getByRole('button', { name: 'Save ranges' }).click();
  await expect(panel.getByRole('alert')).toHaveText('ranges: "10.0.0.0/33" is not an IP range such as 10.0.0.0/8 or fd12:3456::/32');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'admin-hook-ranges-error');
  await page.reload();
  await expect(field).toHaveValue('127.0.0.0/8\n::1/128'); // nothing stored

  // Loopback stays listed: other specs' hooks run on 127.0.0.1.
  await untilHydrated(field);
  await field.fill('127.0.0.0/8, ::1/128\n10.20.0.0/16');
  await panel.getByRole('button', { name: 'Save ranges' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved: 127.0.0.0/8, ::1/128, 10.20.0.0/16');
  await page.reload();
  await expect(field).toHaveValue('127.0.0.0/8\n::1/128\n10.20.0.0/16');
  await expect(panel).toContainText(`Last changed by ${E2E_ADMIN.email}`);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'admin-hook-ranges');
});
