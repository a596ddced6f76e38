/**
 * The API docs in Chromium against the production build: /api/docs renders
 * every operation of the OpenAPI document (Swagger UI from swagger-ui-dist,
 * offline, under the page CSP), a viewer can try a read with their session, and
 * the build's route manifest lists nothing the document lacks.
 */
import { builtRoutePaths } from '../support/api-routes';
import { expect, test } from './test';

test.use({ signedInAs: 'viewer' });

test('a viewer opens /api/docs: every operation is listed, grouped by tag, and a read can be tried', async ({ page }) => {
  // A first visit: Swagger UI's 1.4 MB bundle, the document built, a request tried, a screenshot.
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = (await page.goto('/api/docs'))!;
  expect(response.status()).toBe(200);
  // A page's policy (nonce, strict-dynamic), not the API's `default-src 'none'`.
  expect(response.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  const document = await (await page.request.get('/api/v1/openapi.json')).json();
  const operations = Object.values(document.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(page.getByRole('heading', { name: 'API', exact: true })).toBeVisible();
  // The first visit fetches a 1.4 MB bundle and the document; on a loaded CI machine that takes a while.
  await expect(page.locator('.swagger-ui .opblock')).toHaveCount(operations, { timeout: 60_000 });
  for (const tag of ['Metrics', 'Components', 'Remediation', 'Approvals', 'Analytics', 'Monitoring', 'Console']) {
    await expect(page.locator('.swagger-ui .opblock-tag', { hasText: tag }).first()).toBeVisible();
  }
  await expect(page.locator('.opblock-summary-path', { hasText: '/api/v1/components/{name}/memory-leaks/cleanup' })).toBeVisible();

  // Open "Every component" and run it: the session cookie is enough for a read.
  const list = page.locator('#operations-Components-list_components');
  await list.locator('.opblock-summary').click();
  await expect(list.getByText('Requires the viewer role or higher.')).toBeVisible();
  await list.getByRole('button', { name: 'Try it out' }).click();
  await list.getByRole('button', { name: 'Execute' }).click();
  await expect(list.locator('.live-responses-table .response-col_status:not(.col_header)').first()).toHaveText(/^200/);
  await expect(list.locator('.live-responses-table .microlight').first()).toContainText('"components"');

  await page.screenshot({ path: 'test-results/screenshots/api-docs.png', fullPage: false });
  expect(violations).toEqual([]);
});

test("with Swagger UI drawn, the layout's skip link still lands on main (its bundled zenscroll is switched off)", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/api/docs');
  // Wait for the bundle to have run: zenscroll installs its click handler then.
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 60_000 });
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  // Native behaviour, at once: the fragment is set (zenscroll set it only after an animation, if ever).
  await expect(page).toHaveURL(/\/api\/docs#main$/, { timeout: 2_000 });
  await expect(page.locator('main#main:target')).toHaveCount(1, { timeout: 2_000 });
});

test('an anonymous browser is sent to sign in', async ({ browser }) => {
  // No cookies: the file's signed-in storage state would otherwise apply to this context too.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/api/docs');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapi%2Fdocs/);
  await context.close();
});

test("every API route of the build's manifest is in the document (Auth.js's /api/auth/* aside)", async ({ page }) => {
  const built = builtRoutePaths();
  expect(built, 'a production build (.next/server/app-paths-manifest.json)').not.toBeNull();
  const document = await (await page.request.get('/api/v1/openapi.json')).json();
  expect(built!.filter((path) => !(path in document.paths))).toEqual([]);
  expect(built!.length).toBeGreaterThan(10);
});
