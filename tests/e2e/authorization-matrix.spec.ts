/**
 * The authorization matrix (authorization-matrix.ts) against the running
 * console: every page, route method and server action as every role — and
 * the table must match what the app actually has. Plus what a table cannot
 * say: foreign-origin actions, disabled users, revoked tokens, sessions on
 * API writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request, test } from '@playwright/test';
import { ACTIONS, PAGES, ROUTES, type Verdict } from './authorization-matrix';
import { WHO, type Who } from './fixtures';
import {
  actionAs,
  BASE_URL,
  buildActions,
  callAction,
  contextAs,
  forgetSession,
  e2eState,
  getPage,
  rememberSecret,
  signInState,
} from './support';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative('.', path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The HTTP methods a route file exports, read from its source. */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}\s*=/g)) {
    for (const name of m[1]!.split(',')) found.add(name.split(':').at(-1)!.trim());
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(',')) found.add(name.split(/\s+as\s+/).at(-1)!.trim());
  }
  return [...found].filter((name) => METHODS.includes(name));
}

test.describe('the table covers the app, and only the app', () => {
  const appFiles = filesUnder('app');

  test('every page', () => {
    const pages = appFiles.filter((f) => /(^|\/)page\.(tsx|ts|jsx|js)$/.test(f)).sort();
    expect(PAGES.map((p) => p.file).sort(), 'PAGES vs app/**/page.tsx').toEqual(pages);
  });

  test('every route handler method', () => {
    const routes = appFiles
      .filter((f) => /(^|\/)route\.(ts|js)$/.test(f))
      .flatMap((file) => exportedMethods(file).map((method) => `${method} ${file}`))
      .sort();
    expect(ROUTES.map((r) => `${r.method} ${r.file}`).sort(), 'ROUTES vs app/**/route.ts exports').toEqual(routes);
  });

  test('every server action in the build', () => {
    const built = [...buildActions().keys()].sort();
    expect(built.length).toBeGreaterThan(0);
    expect(ACTIONS.map((a) => a.action).sort(), 'ACTIONS vs .next/server/server-reference-manifest.json').toEqual(built);
  });
});

const refusal = (who: Who) => (who === 'anonymous' ? /session has ended/ : new RegExp(`needs the \\w+ role \\(you are ${who}\\)`));

test.describe('pages', () => {
  for (const row of PAGES) {
    for (const who of WHO) {
      const verdict: Verdict = row.access[who];
      test(`${row.path} as ${who} → ${verdict}`, async () => {
        const context = await contextAs(who);
        const answer = await getPage(context, row.path);
        await context.dispose();
        const toLogin = /^(https?:\/\/[^/]+)?\/login(\?|$)/;
        if (verdict === 'deny' && who === 'anonymous') {
          expect(answer.redirect).toMatch(toLogin);
        } else if (verdict === 'deny') {
          expect(answer.forbidden).toBe(true);
        } else {
          expect([200, 307]).toContain(answer.status);
          expect(answer.redirect ?? '').not.toMatch(toLogin);
          expect(answer.forbidden).toBe(false);
        }
      });
    }
  }

  test('proxy.ts sends a browser without any session cookie to the sign-in page', async () => {
    const context = await request.newContext({ baseURL: BASE_URL });
    for (const row of PAGES.filter((p) => p.access.anonymous === 'deny')) {
      const response = await context.get(row.path, { maxRedirects: 0 });
      expect(response.status(), row.path).toBe(307);
      expect(response.headers()['location']).toMatch(/\/login/);
    }
    await context.dispose();
  });
});

test.describe('route handlers', () => {
  for (const row of ROUTES) {
    for (const who of WHO) {
      const verdict: Verdict = row.access[who];
      test(`${row.method} ${row.path} as ${who} → ${verdict}`, async () => {
        // Machines: a bearer token per role; anonymous sends none.
        const headers: Record<string, string> = {};
        if (who !== 'anonymous') headers.authorization = `Bearer ${e2eState().tokens[who]}`;
        const context = await request.newContext({ baseURL: BASE_URL });
        const response = await context.fetch(row.path, {
          method: row.method,
          headers,
          ...(row.body !== undefined && { data: row.body }),
          maxRedirects: 0,
        });
        await context.dispose();
        if (verdict === 'deny') {
          expect(response.status()).toBe(who === 'anonymous' ? 401 : 403);
        } else {
          expect(response.status()).not.toBe(401);
          expect(response.status()).not.toBe(403);
          expect(response.status()).toBeLessThan(500);
        }
      });
    }
  }

  test('API writes refuse a browser session, even an admin one (no CSRF through the API)', async () => {
    const context = await contextAs('admin');
    for (const row of ROUTES.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'GET')) {
      const response = await context.fetch(row.path, { method: row.method, data: row.body ?? {} });
      expect(response.status(), `${row.method} ${row.path}`).toBe(401);
    }
    await context.dispose();
  });
});

test.describe('server actions', () => {
  ACTIONS.forEach((row, index) => {
    for (const who of WHO) {
      const verdict: Verdict = row.access[who];
      test(`${row.action} as ${who} → ${verdict}`, async () => {
        const action = buildActions().get(row.action);
        expect(action, `${row.action} in the build`).toBeDefined();
        // A client address per probe keeps the sign-in probes clear of the per-address limit.
        const context = await contextAs(who, { 'x-forwarded-for': `198.18.${index}.${WHO.indexOf(who) + 1}` });
        const form = row.form && Object.fromEntries(Object.entries(row.form).map(([k, v]) => [k, v.replace('{who}', who)]));
        const answer = await callAction(context, { id: action!.id, page: row.page, args: row.args, form });
        await context.dispose();
        if (row.endsSession && who !== 'anonymous') forgetSession(who);
        if (verdict === 'deny') {
          expect(answer.status).toBe(200);
          expect(answer.result).toMatchObject({ ok: false, error: expect.stringMatching(refusal(who)) });
        } else {
          expect(answer.status).toBeLessThan(500);
          expect(JSON.stringify(answer)).not.toMatch(refusal(who));
          expect(JSON.stringify(answer)).toMatch(row.allowed);
        }
      });
    }
  });
});

test.describe('what the table cannot say', () => {
  const createUser = 'app/(console)/admin/actions.ts#createUserAction';

  test('an action POST from a foreign Origin is refused and changes nothing', async () => {
    const { id } = buildActions().get('app/(console)/admin/actions.ts#setPauseAction')!;
    const admin = await contextAs('admin');
    const pauseBadge = async () => /badge tone-(ok|crit)">(Running|Paused)</.exec(await (await admin.get('/admin')).text())?.[2];
    expect(await pauseBadge()).toBe('Running');

    const foreign = await callAction(admin, { id, page: '/admin', args: [{ paused: true }], origin: 'https://evil.example' });
    expect(foreign.status).toBe(500);
    expect(foreign.result).not.toMatchObject({ ok: true });
    expect(await pauseBadge()).toBe('Running');

    // The same request from the console's own origin does work (the probe above was a real one).
    const own = await callAction(admin, { id, page: '/admin', args: [{ paused: true }] });
    expect(own.result).toMatchObject({ ok: true, data: { paused: true } });
    expect(await pauseBadge()).toBe('Paused');
    await callAction(admin, { id, page: '/admin', args: [{ paused: false }] });
    expect(await pauseBadge()).toBe('Running');
    await admin.dispose();
  });

  test("a disabled user's existing session stops working at once", async () => {
    const email = `e2e-disabled-${Date.now()}@example.com`;
    const password = `disabled user password ${Date.now()}`;
    rememberSecret(password);
    const created = await actionAs('admin', createUser, '/admin', [{ email, role: 'operator', password }]);
    expect(created.result).toMatchObject({ ok: true, data: { email, role: 'operator' } });

    const user = await request.newContext({ baseURL: BASE_URL, storageState: await signInState({ email, password }) });
    expect(await getPage(user, '/')).toEqual({ status: 200, redirect: null, forbidden: false });
    expect((await user.get('/api/v1/components')).status()).toBe(200);

    const disabled = await actionAs('admin', 'app/(console)/admin/actions.ts#setUserDisabledAction', '/admin', [
      { userId: created.result.data.id, disabled: true },
    ]);
    expect(disabled.result).toMatchObject({ ok: true });

    expect((await getPage(user, '/')).redirect).toMatch(/\/login/);
    expect((await user.get('/api/v1/components')).status()).toBe(401);
    await user.dispose();
  });

  test('a revoked token stops working at once', async () => {
    const created = await actionAs('admin', 'app/(console)/admin/actions.ts#createTokenAction', '/admin', [
      { name: `e2e-revoked-${Date.now()}`, role: 'viewer' },
    ]);
    expect(created.result).toMatchObject({ ok: true, data: { token: expect.stringMatching(/^shc_/) } });
    const { id, token } = created.result.data as { id: string; token: string };
    rememberSecret(token);

    const machine = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    expect((await machine.get('/api/v1/components')).status()).toBe(200);
    const revoked = await actionAs('admin', 'app/(console)/admin/actions.ts#revokeTokenAction', '/admin', [{ tokenId: id }]);
    expect(revoked.result).toMatchObject({ ok: true });
    const after = await machine.get('/api/v1/components');
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: 'unauthorized' });
    await machine.dispose();
  });
});
