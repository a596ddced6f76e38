import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN } from './tests/e2e/fixtures';

const port = Number(process.env.E2E_PORT) || 3107;
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (Playwright cannot download its own here); flags keep it off the closed network.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // After every spec: the server log must not hold any password, token or secret.
      teardown: 'log scan',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'log scan', testMatch: /log-scan\.teardown\.ts$/ },
  ],
  webServer: {
    // react-server: modules marked `server-only` (db, services) resolve to its empty export outside Next.js.
    command: `npx tsx --conditions=react-server tests/e2e/serve.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // The default is SIGKILL, which would leave the e2e database behind; serve.ts cleans up on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      E2E_PORT: String(port),
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
