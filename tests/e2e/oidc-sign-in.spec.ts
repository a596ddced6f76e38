/**
 * Single sign-on through a real OpenID provider (oidc-provider with its
 * defaults, tests/e2e/oidc-provider.ts): its login page, its consent page, the
 * callback — against the console serve.ts runs with AUTH_URL set, where the
 * authorize and token requests must name the same redirect_uri (the provider
 * answers invalid_grant otherwise). The provider's ID token carries only
 * `sub`, so every sign-in here depends on the console asking userinfo.
 */
import { expect, test, type Page } from '@playwright/test';
import { E2E_USERS, OIDC_NAME, SSO_BASE_URL, UNVERIFIED_LOGIN } from './fixtures';

test.use({ baseURL: SSO_BASE_URL });

/** Signs in at the provider (any password) and grants the console access; answers the redirect_uri the console sent. */
async function viaProvider(page: Page, login: string, screenshots?: string): Promise<string> {
  await page.goto('/login');
  const authorize = page.waitForRequest((r) => new URL(r.url()).searchParams.has('redirect_uri'));
  await page.getByRole('button', { name: `Sign in with ${OIDC_NAME}` }).click();
  const redirectUri = new URL((await authorize).url()).searchParams.get('redirect_uri')!;
  await expect(page.getByRole('heading', { name: 'Sign-in' })).toBeVisible();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password at all');
  if (screenshots) await page.screenshot({ path: `test-results/screenshots/${screenshots}-login.png` });
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible();
  if (screenshots) await page.screenshot({ path: `test-results/screenshots/${screenshots}-consent.png` });
  await page.getByRole('button', { name: 'Continue' }).click();
  return redirectUri;
}

test('signs in an existing console user through login and consent, as that user with their role', async ({ page }) => {
  const redirectUri = await viaProvider(page, E2E_USERS.operator.email.toUpperCase(), 'sso');
  // The AUTH_URL origin exactly as configured (127.0.0.1, not "localhost"), in the authorize and the token request alike.
  expect(redirectUri).toBe(`${SSO_BASE_URL}/api/auth/callback/oidc`);
  await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
  await expect(page.getByText(`${E2E_USERS.operator.email} · operator`)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(SSO_BASE_URL);
  await page.screenshot({ path: 'test-results/screenshots/sso-signed-in.png' });
});

test('refuses an email with no console account', async ({ page }) => {
  await viaProvider(page, 'stranger@example.com');
  await expect(page).toHaveURL(/\/login\?.*error=AccessDenied/);
  await expect(page.locator('form').getByRole('alert')).toHaveText(/no console account.*An admin must create your user first/);
});

test('tells an unverified email so (email_verified "false", a string), not "no console account"', async ({ page }) => {
  await viaProvider(page, `${UNVERIFIED_LOGIN}${E2E_USERS.viewer.email}`);
  await expect(page).toHaveURL(/\/login\?.*error=OidcEmailUnverified/);
  const alert = page.locator('form').getByRole('alert');
  await expect(alert).toHaveText(/has not verified that email address/);
  await expect(alert).not.toHaveText(/no console account/);
  await page.screenshot({ path: 'test-results/screenshots/sso-email-unverified.png' });
});

test('a disabled user is signed out at once, and re-enabling does not revive the old session', async ({ page, browser }) => {
  const account = E2E_USERS.approver;
  await viaProvider(page, account.email);
  await expect(page.getByText(`${account.email} · approver`)).toBeVisible();

  const adminContext = await browser.newContext({ baseURL: SSO_BASE_URL });
  const admin = await adminContext.newPage();
  await admin.goto('/login');
  await admin.getByLabel('Email').fill(E2E_USERS.admin.email);
  await admin.getByLabel('Password').fill(E2E_USERS.admin.password);
  await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(admin.getByRole('heading', { name: 'Components' })).toBeVisible();
  await admin.goto('/admin');
  const row = admin.locator(`tr[data-user="${account.email}"]`);
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);

  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await adminContext.close();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  // Signing in afresh works again.
  await page.getByRole('button', { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page.getByText(`${account.email} · approver`)).toBeVisible();
});
