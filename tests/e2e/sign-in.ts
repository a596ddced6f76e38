/** Signs a browser context in through the real sign-in form. */
import { expect, type Page } from '@playwright/test';

export interface Account {
  email: string;
  password: string;
}

export async function signIn(page: Page, account: Account, then = '/'): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
