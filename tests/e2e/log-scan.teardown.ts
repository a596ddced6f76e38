/**
 * Runs after every spec (a Playwright teardown project): the console's output
 * during the whole e2e run must contain no password, no token and no secret —
 * not the seeded ones, not the ones specs made up (rememberSecret).
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_USERS, SECRETS_FILE, SERVER_LOG } from './fixtures';
import { e2eState } from './support';

test('the server log holds no password, token or secret', () => {
  const log = fs.readFileSync(SERVER_LOG, 'utf8');
  // The log is real: the console started and answered requests.
  expect(log).toContain('database ready');
  const state = e2eState();
  const made = fs.existsSync(SECRETS_FILE) ? fs.readFileSync(SECRETS_FILE, 'utf8').split('\n').filter(Boolean) : [];
  const secrets = [
    ...Object.values(E2E_USERS).map((u) => u.password),
    ...Object.values(state.tokens),
    // The secret half alone, in case something logs a token split up.
    ...Object.values(state.tokens).map((t) => t.slice('shc_'.length + 13)), // each secret part (it may contain '_')
    ...state.secrets,
    ...made,
  ];
  expect(secrets.length).toBeGreaterThan(10);
  const leaked = secrets.filter((secret) => log.includes(secret)).map((s) => `${s.slice(0, 4)}…(${s.length} chars)`);
  expect(leaked, 'secrets found in the server log').toEqual([]);
  expect(log).not.toMatch(/shc_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/);
  expect(log).not.toContain('scrypt$');
  expect(log).not.toContain('authjs.session-token=');
});
