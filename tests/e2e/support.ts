/**
 * What the specs share: the seeded state, sessions per role, bearer tokens,
 * forged server-action calls (as a browser would send them), and the record
 * of secrets the final log scan looks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type Locator } from '@playwright/test';
import { E2E_USERS, SECRETS_FILE, STATE_FILE, type E2EState, type Who } from './fixtures';

export const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 3107}`;

export function e2eState(): E2EState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2EState;
}

/** Every password or token a spec makes up must never show in the server log (log-scan.teardown.ts). */
export function rememberSecret(...secrets: string[]): void {
  fs.mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  fs.appendFileSync(SECRETS_FILE, secrets.map((s) => `${s}\n`).join(''));
}

export type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** Signs in through Auth.js's own endpoints (CSRF token, then the credentials callback). */
export async function signInState(
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<StorageState> {
  const context = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: headers });
  try {
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await context.post('/api/auth/callback/credentials', {
      form: { ...credentials, csrfToken, callbackUrl: '/' },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${credentials.email}`).toBe(302);
    const state = await context.storageState();
    expect(state.cookies.map((c) => c.name), `session cookie for ${credentials.email}`).toContain('authjs.session-token');
    return state;
  } finally {
    await context.dispose();
  }
}

/** An account of tests/e2e/seed.ts: a role, or the second approver. */
export type E2EAccount = keyof typeof E2E_USERS;

const sessions = new Map<E2EAccount, StorageState>();
/** The account's session, signed in once per worker (tests/e2e/test.ts hands it to the signed-in pages). */
export async function sessionOf(account: E2EAccount): Promise<StorageState> {
  if (!sessions.has(account)) {
    const { email, password } = E2E_USERS[account];
    sessions.set(account, await signInState({ email, password }));
  }
  return sessions.get(account)!;
}

/** Drops an account's cached session after a probe signed it out (signing out voids every session of that user). */
export function forgetSession(account: E2EAccount): void {
  sessions.delete(account);
}

/**
 * A request context acting as `who`. Anonymous carries a forged session
 * cookie: that gets past proxy.ts (which only looks for the cookie), so what
 * answers is the page's, action's or route's own check.
 */
export async function contextAs(who: Who, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  if (who === 'anonymous') {
    return request.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { cookie: 'authjs.session-token=forged-by-the-test', ...headers },
    });
  }
  return request.newContext({ baseURL: BASE_URL, storageState: await sessionOf(who), extraHTTPHeaders: headers });
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/** Every server action in the production build: `file#export` → id. */
export function buildActions(): Map<string, { id: string; pages: string[] }> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const actions = new Map<string, { id: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, pages: Object.keys(entry.workers) });
  }
  return actions;
}

export interface ActionAnswer {
  status: number;
  /** Where the action redirected the browser (x-action-redirect), if it did. */
  redirect: string | null;
  /** The action's return value (or `{ thrown }` when it threw). */
  result: any;
}

/** Reads the action's value out of the RSC stream: row 0 points (`"a":"$@n"`) at row n. */
export function parseActionAnswer(body: string): any {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match && !rows.has(match[1]!)) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get('0');
  if (!root) return undefined;
  const ref = /^"?\$@([0-9a-f]+)"?$/.exec(String((JSON.parse(root) as { a?: unknown }).a))?.[1];
  const value = ref === undefined ? undefined : rows.get(ref);
  if (value === undefined) return undefined;
  if (value.startsWith('E')) return { thrown: JSON.parse(value.slice(1)) };
  return JSON.parse(value);
}

/**
 * POSTs a server action the way the browser does: `Next-Action: <id>`, the
 * arguments as a JSON array — or, for form actions, as multipart fields
 * `_1_<name>` referenced by `"$K1"` (fields first, then the argument list `0`).
 */
export async function callAction(
  context: APIRequestContext,
  options: { id: string; page: string; args?: unknown[]; form?: Record<string, string>; origin?: string },
): Promise<ActionAnswer> {
  const headers = { 'next-action': options.id, accept: 'text/x-component', origin: options.origin ?? BASE_URL };
  let response;
  if (options.form) {
    const multipart = new FormData();
    for (const [key, value] of Object.entries(options.form)) multipart.append(`_1_${key}`, value);
    multipart.append('0', JSON.stringify([...(options.args ?? []), '$K1']));
    response = await context.post(options.page, { headers, multipart, maxRedirects: 0 });
  } else {
    response = await context.post(options.page, {
      headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
      data: JSON.stringify(options.args ?? []),
      maxRedirects: 0,
    });
  }
  const body = await response.text();
  const contentType = response.headers()['content-type'] ?? '';
  return {
    status: response.status(),
    redirect: response.headers()['x-action-redirect'] ?? response.headers()['location'] ?? null,
    result: contentType.includes('text/x-component') ? parseActionAnswer(body) : undefined,
  };
}

/** Calls an action by `file#export` as `who`. */
export async function actionAs(
  who: Who,
  key: string,
  page: string,
  args: unknown[],
): Promise<ActionAnswer> {
  const action = buildActions().get(key);
  if (!action) throw new Error(`no server action ${key} in the build`);
  const context = await contextAs(who);
  try {
    return await callAction(context, { id: action.id, page, args });
  } finally {
    await context.dispose();
  }
}

export interface PageAnswer {
  status: number;
  /** Where the page sent the browser: a 307, or — from inside a loading boundary, once streaming began — a streamed redirect. */
  redirect: string | null;
  /** forbidden(): a 403, or its streamed equivalent. */
  forbidden: boolean;
}

/** GETs a page without following redirects and says what it answered, however Next.js delivered it. */
export async function getPage(context: APIRequestContext, path: string): Promise<PageAnswer> {
  const response = await context.get(path, { maxRedirects: 0 });
  const status = response.status();
  const body = status === 200 ? await response.text() : '';
  const streamed = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(body)?.[1] ?? null;
  return {
    status,
    redirect: status >= 300 && status < 400 ? (response.headers()['location'] ?? null) : streamed,
    forbidden: status === 403 || body.includes('NEXT_HTTP_ERROR_FALLBACK;403'),
  };
}

/**
 * Resolves once React has hydrated the element (it carries React's props), so what a test types into a
 * freshly loaded page is not typed before the page is live. A fill before hydration raced it: the
 * textarea's server-rendered text was joined to what had been typed, and the save was refused.
 */
export async function untilHydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$'))), {
      message: 'the element is hydrated',
    })
    .toBe(true);
}
