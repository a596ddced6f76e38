import { expect, test } from '@playwright/test';
import { E2E_ADMIN, SIMULATED } from './fixtures';

test('an SRE signs in and sees live health of every simulated component', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Components' });
  for (const name of SIMULATED) {
    const row = table.locator(`tr[data-component="${name}"]`);
    await expect(row).toBeVisible();
    // Live: every row gets a score from the simulator's checks, refreshed by polling.
    await expect(row.getByTestId('health-score')).toHaveText(/^\d+\.\d$/);
    await expect(row.getByTestId('trend')).toHaveText(/improving|stable|declining/);
    await expect(row.getByTestId('prediction')).toHaveText(/low|medium|high|critical/);
  }
  await page.screenshot({ path: 'test-results/screenshots/components.png', fullPage: true });
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: 'test-results/screenshots/login-error.png' });
});

test('the API refuses an anonymous browser', async ({ request }) => {
  const res = await request.get('/api/v1/components');
  expect(res.status()).toBe(401);
});
