/**
 * Every signed-in page has the console's frame exactly once: one header, one
 * skip link, and one `<main id="main">` — the skip link's target. The frame is
 * the route group's layout, app/(console)/layout.tsx; before it, each page
 * rendered its own and three (/approvals, /admin, a component's actions) had a
 * `<main>` without the id, so "Skip to content" went nowhere.
 */
import type { Page } from '@playwright/test';
import { PAGES } from './authorization-matrix';
import { expect, test } from './test';

test.use({ signedInAs: 'admin' });

const SIGNED_IN_PAGES = [...PAGES.map((p) => p.path).filter((p) => p !== '/login'), '/components/no-such-component'];

/** The skip link is the first thing Tab reaches, and following it lands on main#main. */
async function skipLinkLandsOnMain(page: Page, path: string) {
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip, path).toHaveCount(1);
  await expect(skip, path).toHaveAttribute('href', '#main');
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(skip, `${path}: first Tab stop`).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main:target'), `${path}: skip link target`).toHaveCount(1);
}

test('every signed-in page: one header, one main#main, and the skip link lands on it', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await expect(page.locator('[aria-busy="true"]'), `${path} finished loading`).toHaveCount(0);
    await expect(page.locator('header.shell-header'), path).toHaveCount(1);
    await expect(page.locator('main'), path).toHaveCount(1);
    await expect(page.locator('main#main'), path).toHaveCount(1);
    await skipLinkLandsOnMain(page, path);
  }
});

test('a page the role may not see (403) is framed once too, and its skip link works', async ({ viewerPage }) => {
  const res = await viewerPage.goto('/admin');
  expect(res?.status()).toBe(403);
  await expect(viewerPage.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(viewerPage.locator('header.shell-header')).toHaveCount(1);
  await expect(viewerPage.locator('main')).toHaveCount(1);
  await skipLinkLandsOnMain(viewerPage, '/admin (403)');
});
