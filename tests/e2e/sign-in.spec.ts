/**
 * Browser sign-in as shipped: cookie attributes over HTTP and behind an HTTPS
 * proxy, signing out (the header's button and Auth.js's own endpoint), and the
 * failed-sign-in limit as the form shows it. Single sign-on: oidc-sign-in.spec.ts.
 */
import { expect, request, test, type Page } from '@playwright/test';
import { E2E_USERS } from './fixtures';
import { actionAs, BASE_URL, rememberSecret } from './support';

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * A sign-in the server refuses: waits for its answer and for the form to
 * reset (React clears the password once the action is done), so the next
 * attempt types into a settled form and really gets sent.
 */
async function refusedSignIn(page: Page, email: string, password: string) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
  await fillSignIn(page, email, password);
  await answered;
  await expect(page.getByLabel('Password')).toHaveValue('');
}

test.describe('session cookie', () => {
  test('is HttpOnly and SameSite=Lax, not Secure over plain HTTP', async ({ page, context }) => {
    await page.goto('/login');
    await fillSignIn(page, E2E_USERS.viewer.email, E2E_USERS.viewer.password);
    await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
  });

  test('signing out voids the session, so a copy of its cookie stops working too; signing in again works', async ({ page, context, browser }) => {
    // approver2 is signed in nowhere else at this point of the suite (approvals.spec is done with it).
    const account = E2E_USERS.approver2;
    await page.goto('/login');
    await fillSignIn(page, account.email, account.password);
    await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === 'authjs.session-token')!;
    const copy = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
    expect((await copy.get('/api/v1/overview')).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await copy.get('/api/v1/overview')).status()).toBe(401);
    await copy.dispose();
    // A browser holding the copied cookie is sent to the sign-in page.
    const elsewhere = await browser.newContext({ baseURL: BASE_URL });
    await elsewhere.addCookies([cookie]);
    const stolen = await elsewhere.newPage();
    await stolen.goto('/');
    await expect(stolen).toHaveURL(/\/login/);
    await elsewhere.close();

    await fillSignIn(page, account.email, account.password);
    await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
  });

  test("Auth.js's own POST /api/auth/signout voids copies of the cookie exactly as the header's button does", async ({ page, context }) => {
    // An account of its own: voiding sessions signs it out everywhere.
    const email = `e2e-signout-${Date.now()}@example.com`;
    const password = `sign-out account password ${Date.now()}`;
    rememberSecret(password);
    const created = await actionAs('admin', 'app/(console)/admin/actions.ts#createUserAction', '/admin', [{ email, role: 'viewer', password }]);
    expect(created.result).toMatchObject({ ok: true });
    await page.goto('/login');
    await fillSignIn(page, email, password);
    await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === 'authjs.session-token')!;
    const copy = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
    expect((await copy.get('/api/v1/overview')).status()).toBe(200);

    // What a script (or next-auth's client signOut()) does: CSRF token, then the form POST.
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedOut = await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/login' }, maxRedirects: 0 });
    expect(signedOut.status()).toBe(302);
    expect((await copy.get('/api/v1/overview')).status()).toBe(401);
    await copy.dispose();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('is Secure with the __Secure- prefix when the proxy says the request came over HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const context = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: https });
    const csrf = await context.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    // The CSRF cookie is Secure too (__Host-), so the request context will not send it over http: pass it by hand.
    const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Host-authjs.csrf-token='))!;
    expect(csrfCookie.value).toMatch(/;\s*Secure/i);
    const response = await context.post('/api/auth/callback/credentials', {
      form: { ...E2E_USERS.viewer, csrfToken, callbackUrl: '/' },
      headers: { cookie: csrfCookie.value.split(';')[0]! },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    // Redirected to the public origin the proxy named, not to the console's listen address.
    expect(response.headers()['location']).toBe(`https://${new URL(BASE_URL).host}/`);
    const session = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Secure-authjs.session-token='));
    expect(session, 'a __Secure- session cookie').toBeDefined();
    const attributes = session!.value.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));

    // The console reads that cookie back under HTTPS (proxy.ts and the session both know the prefixed name).
    const home = await context.get('/', { headers: { cookie: session!.value.split(';')[0]! }, maxRedirects: 0 });
    expect(home.status()).toBe(200);
    await context.dispose();
  });
});

test.describe('failed sign-ins are limited', () => {
  // An address of its own, so this test's failures count against nobody else.
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });

  test('after five failures the form says to wait, the same for a known and an unknown account', async ({ page }) => {
    const email = `e2e-locked-${Date.now()}@example.com`;
    const password = `locked account password ${Date.now()}`;
    rememberSecret(password);
    const created = await actionAs('admin', 'app/(console)/admin/actions.ts#createUserAction', '/admin', [{ email, role: 'viewer', password }]);
    expect(created.result).toMatchObject({ ok: true });

    for (const account of [email, `nobody-${Date.now()}@example.com`]) {
      await page.goto('/login');
      for (let i = 1; i <= 5; i++) {
        await refusedSignIn(page, account, `wrong password number ${i}`);
        await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
      }
      // Even the right password is refused now, with the wait in minutes.
      await refusedSignIn(page, account, password);
      await expect(page.locator('form').getByRole('alert')).toHaveText(/^Too many failed sign-ins; try again in 1[45] minutes\.$/);
      await expect(page).toHaveURL(/\/login/);
    }
    await page.screenshot({ path: 'test-results/screenshots/login-rate-limited.png' });
  });
});
