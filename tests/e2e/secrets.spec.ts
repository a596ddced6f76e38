/**
 * Nothing secret reaches a browser (issue 13, item 1). An admin registers a
 * cleanup hook whose URL carries a password and a token in its query, and a
 * signing secret; a viewer and an operator then open the component's pages in
 * Chromium against the production build. Every response body of those page
 * loads — HTML with its inline RSC payload, scripts, the client-side RSC
 * fetches — and the RSC payload fetched directly must not hold any of them.
 * (Distinctive values rather than "pw": a two-letter string occurs in any script.)
 */
import { expect, request, test, type Page, type Response } from '@playwright/test';
import { BASE_URL, e2eState, rememberSecret, sessionOf } from './support';

const COMPONENT = 'secret-hook-svc';
const PASSWORD = 'hookpass-9f3kq2';
const QUERY_TOKEN = 'token=abc7731zz';
const SECRET = 'hook-signing-secret-5d1e8a0c';
const HOOK_URL = `http://hookuser:${PASSWORD}@hook.internal:8080/cleanup?${QUERY_TOKEN}`;
const SHOWN_URL = 'http://hook.internal:8080/cleanup';
const FORBIDDEN = [PASSWORD, 'hookuser', QUERY_TOKEN, SECRET];

test.beforeAll(async () => {
  rememberSecret(PASSWORD, SECRET);
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${e2eState().tokens.admin}` } });
  const res = await api.put(`/api/v1/components/${COMPONENT}`, {
    data: { environment: 'staging', render_service_id: 'srv-secrethook1', cleanup_url: HOOK_URL, cleanup_secret: SECRET },
  });
  expect([200, 201]).toContain(res.status());
  await api.dispose();
});

/** Collects the body of every response from the console while the page is used. */
function recordBodies(page: Page): { bodies: { url: string; text: string }[]; settled: () => Promise<void> } {
  const bodies: { url: string; text: string }[] = [];
  const reads: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(BASE_URL) || response.status() >= 300) return;
    reads.push(
      response
        .text()
        .then((text) => void bodies.push({ url: response.url(), text }))
        .catch(() => {}), // a body the page navigated away from cannot be read; it never reached the page either
    );
  });
  return { bodies, settled: async () => void (await Promise.all(reads)) };
}

function expectClean(bodies: { url: string; text: string }[]) {
  for (const { url, text } of bodies) {
    for (const secret of FORBIDDEN) expect(text.includes(secret), `${secret} in ${url}`).toBe(false);
  }
}

for (const role of ['viewer', 'operator'] as const) {
  test(`a ${role} receives neither the hook's credentials, its query nor its secret`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: await sessionOf(role) });
    const page = await context.newPage();
    const { bodies, settled } = recordBodies(page);

    for (const path of [`/components/${COMPONENT}`, `/components/${COMPONENT}/actions`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(COMPONENT);
      await expect(page.getByRole('button', { name: 'Memory-leak cleanup', exact: true })).toBeVisible();
    }
    if (role === 'operator') {
      // The confirmation dialog names the hook as GET shows it.
      await page.getByRole('button', { name: 'Memory-leak cleanup', exact: true }).click();
      const dialog = page.getByTestId('action-dialog');
      await expect(dialog.getByTestId('target')).toHaveText(`cleanup hook ${SHOWN_URL}`);
      await page.screenshot({ path: 'test-results/screenshots/cleanup-dialog-redacted-hook.png' });
    }
    await settled();

    // The RSC payload as a client-side navigation fetches it.
    const rsc = await request.newContext({ baseURL: BASE_URL, storageState: await sessionOf(role) });
    for (const path of [`/components/${COMPONENT}`, `/components/${COMPONENT}/actions`]) {
      const res = await rsc.get(path, { headers: { RSC: '1' } });
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('text/x-component');
      bodies.push({ url: `${path} (RSC)`, text: await res.text() });
    }
    // And the JSON the component page polls through react-query (its actions panel included).
    const polled = await rsc.get(`/api/v1/components/${COMPONENT}/dashboard`);
    expect(polled.status()).toBe(200);
    bodies.push({ url: 'component page poll', text: await polled.text() });
    await rsc.dispose();

    // The capture saw the payload (the hook is named, redacted) — and nothing secret anywhere.
    expect(bodies.some((b) => b.text.includes(SHOWN_URL))).toBe(true);
    expect(bodies.filter((b) => b.url.endsWith('(RSC)'))).toHaveLength(2);
    expectClean(bodies);
    await context.close();
  });
}
