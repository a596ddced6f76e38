import type { Page } from '@playwright/test';

/** Credentials the e2e server bootstraps its first admin with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-admin-password' };

/** One account per role (plus a second approver for four-eyes races), created by tests/e2e/serve.ts before the server starts. */
export const E2E_USERS = {
  viewer: { email: 'e2e-viewer@example.com', password: 'e2e-viewer-password', role: 'viewer' },
  operator: { email: 'e2e-operator@example.com', password: 'e2e-operator-password', role: 'operator' },
  approver: { email: 'e2e-approver@example.com', password: 'e2e-approver-password', role: 'approver' },
  approver2: { email: 'e2e-approver2@example.com', password: 'e2e-approver2-password', role: 'approver' },
  admin: { ...E2E_ADMIN, role: 'admin' },
} as const;

/** The eight components the demo simulator feeds (lib/simulator/scenarios.ts). */
export const SIMULATED = [
  'checkout-api',
  'payments-worker',
  'search-service',
  'auth-gateway',
  'edge-proxy',
  'inventory-sync',
  'notification-service',
  'report-builder',
] as const;

/** Signs in through the real form and waits until the console has let us in. */
export async function signIn(page: Page, user: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
