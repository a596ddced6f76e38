/**
 * Who exists in the e2e server's database. serve.ts seeds them (tests/e2e/seed.ts)
 * before the console starts; specs sign in as them.
 */
import path from 'node:path';

/** Credentials the e2e server bootstraps its first admin with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-admin-password' };

export const WHO = ['anonymous', 'viewer', 'operator', 'approver', 'admin'] as const;
export type Who = (typeof WHO)[number];
export type SignedInRole = Exclude<Who, 'anonymous'>;

/** One user per role; the admin is E2E_ADMIN. */
export const E2E_USERS: Record<SignedInRole, { email: string; password: string }> = {
  viewer: { email: 'e2e-viewer@example.com', password: 'e2e-viewer-password' },
  operator: { email: 'e2e-operator@example.com', password: 'e2e-operator-password' },
  approver: { email: 'e2e-approver@example.com', password: 'e2e-approver-password' },
  admin: E2E_ADMIN,
};

/** The e2e identity provider's users (tests/e2e/oidc-stub.ts); only the first has a console account. */
export const OIDC_NAME = 'Test IdP';

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
