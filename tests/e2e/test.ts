/**
 * The specs' `test`: Playwright's own, extended with signed-in browsers, so no
 * spec adds session cookies in a beforeEach.
 *
 * - `test.use({ signedInAs: 'admin' })` signs the built-in `page` (and its
 *   `context`) in as that role for every test of the file — traces and
 *   failure screenshots work as usual;
 * - `viewerPage`, `operatorPage`, `approverPage`, `approver2Page`, `adminPage`:
 *   a page in a context of its own, signed in as that account, for tests where
 *   several people act at once (an operator requests, an approver decides).
 *
 * Sessions come from Auth.js's own sign-in endpoints (support.ts sessionOf),
 * one per account per worker. The sign-in form itself is tested in sign-in.spec.ts.
 */
import { test as base, type Browser, type Page } from '@playwright/test';
import type { SignedInRole } from './fixtures';
import { sessionOf, type E2EAccount } from './support';

interface Options {
  /** Signs the built-in page in as this role (unset: anonymous, Playwright's default). */
  signedInAs: SignedInRole | undefined;
}

interface RolePages {
  viewerPage: Page;
  operatorPage: Page;
  approverPage: Page;
  approver2Page: Page;
  adminPage: Page;
}

function rolePage(account: E2EAccount) {
  return async ({ browser }: { browser: Browser }, provide: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ storageState: await sessionOf(account) });
    const page = await context.newPage();
    await provide(page);
    await context.close();
  };
}

export const test = base.extend<Options & RolePages>({
  signedInAs: [undefined, { option: true }],
  storageState: async ({ signedInAs, storageState }, provide) => {
    await provide(signedInAs ? await sessionOf(signedInAs) : storageState);
  },
  viewerPage: rolePage('viewer'),
  operatorPage: rolePage('operator'),
  approverPage: rolePage('approver'),
  approver2Page: rolePage('approver2'),
  adminPage: rolePage('admin'),
});

export { expect } from '@playwright/test';
