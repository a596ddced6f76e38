/**
 * Defence in depth, in Chromium against the production build: every page and
 * route answers with the security headers (lib/http/security-headers.ts), the
 * CSP's nonce is fresh per request and on Next.js's scripts, and no page trips
 * the policy — no violation event, no console report, and the app still hydrates.
 */
import type { Page, Response } from '@playwright/test';
import { PAGES } from './authorization-matrix';
import { contextAs, e2eState } from './support';
import { expect, test } from './test';

// Every page of the matrix, plus the not-found page.
const ALL_PAGES = [...PAGES.map((p) => p.path), '/components/no-such-component'];

function expectPageHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('same-origin');
  expect(headers['x-frame-options'], where).toBe('DENY');
  // Plain HTTP here: no HSTS (it would be ignored, and wrong behind a non-TLS setup).
  expect(headers['strict-transport-security'], where).toBeUndefined();
}

/** Collects CSP violations (the DOM event and Chromium's console report) from the first byte on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => void seen.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return seen;
}

async function visit(page: Page, path: string): Promise<Response> {
  const response = (await page.goto(path))!;
  await page.waitForLoadState('networkidle');
  // Next.js's inline scripts (carrying the nonce) ran and React hydrated the page.
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)), `${path} hydrated`).toBe(true);
  return response;
}

test('every page, signed in: the headers, and not one CSP violation', async ({ adminPage: page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  for (const path of ALL_PAGES.filter((p) => p !== '/login')) {
    const response = await visit(page, path);
    expectPageHeaders(await response.allHeaders(), path);
  }
  // A few interactions that render client-side: a filter change, a chart range, a dialog.
  await page.goto('/activity');
  await page.getByLabel('Status').selectOption('healthy');
  await expect(page).toHaveURL(/status=healthy/);
  await page.goto('/components/checkout-api?range=6h');
  await page.waitForLoadState('networkidle');
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('dialog', { name: 'Add user' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/csp-admin-dialog.png' });
  expect(violations).toEqual([]);
});

test('the sign-in page and the redirect to it carry the headers too, without violations', async ({ page, request }) => {
  const violations = await watchViolations(page);
  const response = await visit(page, '/login');
  expectPageHeaders(await response.allHeaders(), '/login');
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('not-a-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toBeVisible();
  expect(violations).toEqual([]);

  const redirect = await request.get('/activity', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectPageHeaders(redirect.headers(), 'redirect to /login');
});

test('the nonce is fresh per request and is the one on the scripts', async () => {
  const context = await contextAs('viewer');
  try {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await context.get('/predictions');
      const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'] ?? '')?.[1];
      expect(nonce).toBeTruthy();
      const body = await res.text();
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  } finally {
    await context.dispose();
  }
});

test('API answers get the data policy; static files nosniff; HSTS only over HTTPS', async ({ request }) => {
  const { tokens } = e2eState();
  const api = await request.get('/api/v1/components', { headers: { authorization: `Bearer ${tokens.viewer}` } });
  expect(api.status()).toBe(200);
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['strict-transport-security']).toBeUndefined();
  for (const path of ['/api/health', '/api/v1/components']) {
    const anonymous = await request.get(path);
    expect(anonymous.headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }

  const html = await (await request.get('/login')).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const staticFile = await request.get(asset!);
  expect(staticFile.status()).toBe(200);
  expect(staticFile.headers()['x-content-type-options']).toBe('nosniff');
  expect(staticFile.headers()['referrer-policy']).toBe('same-origin');

  // Behind a TLS-terminating proxy.
  const overTls = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  const apiOverTls = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
  expect(apiOverTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});
