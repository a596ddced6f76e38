/**
 * A server action whose request never gets an answer (network down, console
 * gone): the browser says so in words and gives the buttons back — never a
 * spinner that stays, never the error page. One hook does it for every call
 * site (components/use-server-action.ts); this drives it through the component
 * page's confirmation dialog with the action's POST aborted.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';

test.use({ signedInAs: 'operator' });

/** Aborts every server-action POST (they carry a Next-Action header) as a dropped connection would. */
async function dropServerActions(page: Page): Promise<{ dropped: () => number }> {
  let dropped = 0;
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) {
      dropped++;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  return { dropped: () => dropped };
}

test('an unreachable console: the dialog says so, keeps the form, and its buttons work again', async ({ page }) => {
  await page.goto('/components/checkout-api');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('checkout-api');
  const network = await dropServerActions(page);

  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  const dialog = page.getByTestId('action-dialog');
  await expect(dialog).toBeVisible();
  const confirm = dialog.locator('button[type="submit"]');
  const label = (await confirm.textContent()) ?? '';
  await dialog.getByRole('textbox').fill('network test');
  await confirm.click();

  await expect(dialog.getByRole('alert')).toHaveText('Could not reach the console — check your connection and try again.');
  expect(network.dropped()).toBe(1);
  // Not stuck: the button reads as before and can be pressed again; the note is kept for the retry.
  await expect(confirm).toBeEnabled();
  await expect(confirm).toHaveText(label);
  await expect(dialog.getByRole('textbox')).toHaveValue('network test');
  await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/server-action-unreachable.png' });

  await confirm.click();
  await expect.poll(() => network.dropped()).toBe(2);
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(confirm).toBeEnabled();

  // Cancel still closes it, and nothing was requested (no result line under the buttons).
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('request-pending')).toHaveCount(0);
  await expect(page.getByTestId('request-executed')).toHaveCount(0);
});
