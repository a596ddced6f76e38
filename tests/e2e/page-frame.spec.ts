/**
 * Every signed-in page has the console's frame exactly once: one header, one
 * skip link, and one `<main id="main">` — the skip link's target. The frame is
 * components/console-frame.tsx; before it, each page rendered its own and three
 * (/approvals, /admin, a component's actions) had a `<main>` without the id,
 * so "Skip to content" went nowhere.
 */
import { PAGES } from './authorization-matrix';
import { expect, test } from './test';

test.use({ signedInAs: 'admin' });

const SIGNED_IN_PAGES = [...PAGES.map((p) => p.path).filter((p) => p !== '/login'), '/components/no-such-component'];

test('every signed-in page: one header, one main#main, and the skip link lands on it', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await expect(page.locator('main[aria-busy="true"]'), `${path} finished loading`).toHaveCount(0);
    await expect(page.locator('header.shell-header'), path).toHaveCount(1);
    await expect(page.locator('main'), path).toHaveCount(1);
    await expect(page.locator('main#main'), path).toHaveCount(1);
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip, path).toHaveCount(1);
    await expect(skip, path).toHaveAttribute('href', '#main');
  }
});
