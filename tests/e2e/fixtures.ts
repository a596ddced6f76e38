/**
 * Who exists in the e2e server's database. serve.ts seeds them (tests/e2e/seed.ts)
 * before the console starts; specs sign in as them.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Credentials the e2e server bootstraps its first admin with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-admin-password' };

export const WHO = ['anonymous', 'viewer', 'operator', 'approver', 'admin'] as const;
export type Who = (typeof WHO)[number];
export type SignedInRole = Exclude<Who, 'anonymous'>;

/** One account per role (plus a second approver for four-eyes races), created by tests/e2e/seed.ts before the server starts. */
export const E2E_USERS = {
  viewer: { email: 'e2e-viewer@example.com', password: 'e2e-viewer-password', role: 'viewer' },
  operator: { email: 'e2e-operator@example.com', password: 'e2e-operator-password', role: 'operator' },
  approver: { email: 'e2e-approver@example.com', password: 'e2e-approver-password', role: 'approver' },
  approver2: { email: 'e2e-approver2@example.com', password: 'e2e-approver2-password', role: 'approver' },
  admin: { ...E2E_ADMIN, role: 'admin' },
} as const;

/** The nine components the demo simulator feeds (lib/simulator/scenarios.ts). */
export const SIMULATED = [
  'checkout-api',
  'payments-worker',
  'search-service',
  'auth-gateway',
  'edge-proxy',
  'inventory-sync',
  'notification-service',
  'report-builder',
  'storefront-web',
] as const;

/** Every component the e2e server's overview lists: the simulated ones and the console itself (checked each reconciler pass). */
export const MONITORED = [...SIMULATED, 'console'] as const;

/** Signs in through the real form and waits until the console has let us in. */
export async function signIn(page: Page, user: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  // exact: the single sign-on button ("Sign in with …") starts with the same words.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The label of the identity provider's button (tests/e2e/oidc-provider.ts). */
export const OIDC_NAME = 'Test IdP';

/** A login on the provider's page that makes it send `email_verified: "false"` for the email after it. */
export const UNVERIFIED_LOGIN = 'unverified:';

/** The second console serve.ts starts, with AUTH_URL set, for the single sign-on specs. */
export const SSO_PORT = Number(process.env.E2E_SSO_PORT) || (Number(process.env.E2E_PORT) || 3107) + 1;
export const SSO_BASE_URL = `http://127.0.0.1:${SSO_PORT}`;

/**
 * Files the server side of the run writes under Playwright's output dir
 * (emptied before the web server starts): the seeded tokens, the server log,
 * and every secret a spec produced — all for the log scan at the end.
 */
export const E2E_DIR = path.resolve('test-results', 'e2e-server');
export const STATE_FILE = path.join(E2E_DIR, 'state.json');
export const SERVER_LOG = path.join(E2E_DIR, 'server.log');
export const SECRETS_FILE = path.join(E2E_DIR, 'secrets.txt');

export interface E2EState {
  /** A bearer token per role. */
  tokens: Record<SignedInRole, string>;
  /** Secrets only the server side knows (AUTH_SECRET, the OIDC client secret), for the log scan. */
  secrets: string[];
}
