/**
 * The dashboard against the live demo (8 simulated components, a check per
 * component per second): every page renders real data, charts plot points,
 * filters live in the URL, exports download and agree, and axe finds no
 * serious or critical accessibility violation. Screenshots of every page at
 * 1280 and 390 px go to test-results/screenshots/.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../helpers/parse-csv';
import { MONITORED, signIn } from './fixtures';

const LEVEL_ACTION = {
  critical: 'Restart/Rollback',
  high: 'Monitor closely',
  medium: 'Schedule maintenance',
  low: 'Normal operation',
} as const;

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** Waits until the overview shows every component (simulated ones and the console) with a health score. */
async function overviewReady(page: Page) {
  const rows = page.getByRole('table', { name: 'Components' }).locator('tbody tr');
  await expect(rows).toHaveCount(MONITORED.length);
  for (const name of MONITORED) {
    await expect(page.locator(`tr[data-component="${name}"]`).getByTestId('health-score')).toHaveText(/^\d+\.\d$/);
  }
  return rows;
}

test('overview: riskiest first, filters and sort in the URL, names link to components', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Overview · Self-Healing Console');
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  const rows = await overviewReady(page);
  await expect(rows.first().getByTestId('pending-approvals')).toHaveText(/^\d+$/);

  // Risk order: prediction levels never increase down the table.
  const rank = { critical: 3, high: 2, medium: 1, low: 0 } as Record<string, number>;
  const levels = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-level') ?? ''));
  const ranks = levels.map((l) => rank[l] ?? -1);
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

  // search-service's CPU runaway (production: only a person may restart it) keeps at least one component above "low".
  await page.getByLabel('Prediction level').selectOption('low');
  await expect(page).toHaveURL(/[?&]level=low/);
  await expect(page.getByTestId('component-count')).toHaveText(new RegExp(`^\\d+ of ${MONITORED.length} components$`));
  const lowLevels = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-level')));
  expect(lowLevels.length).toBeLessThan(MONITORED.length);
  expect(new Set(lowLevels)).toEqual(new Set(['low']));

  await page.getByLabel('Prediction level').selectOption('');
  await page.getByLabel('Sort by').selectOption('name');
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(rows).toHaveCount(MONITORED.length);
  await expect(rows.first()).toHaveAttribute('data-component', [...MONITORED].sort()[0]!);

  // The filtered view is shareable: loading the URL gives the same view.
  await page.goto('/?level=low&sort=name');
  await expect(page.getByLabel('Prediction level')).toHaveValue('low');
  await expect(page.getByLabel('Sort by')).toHaveValue('name');
  await expect(page.getByTestId('component-count')).toHaveText(new RegExp(`of ${MONITORED.length} components`));

  await page.goto('/');
  await page.getByRole('link', { name: 'payments-worker' }).click();
  await expect(page).toHaveURL(/\/components\/payments-worker$/);
  await expect(page.getByRole('heading', { level: 1, name: 'payments-worker' })).toBeVisible();
});

/** Makes the page believe its tab was hidden or shown again (what the browser does on a tab switch). */
async function setTabVisible(page: Page, visible: boolean) {
  await page.evaluate((v) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (v ? 'visible' : 'hidden') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

test('live updates: a database outage and a failed refresh are said plainly; a hidden tab stops polling', async ({ page }) => {
  // A controllable clock: polling intervals are fast-forwarded instead of waited for.
  await page.clock.install();
  await page.goto('/');
  await overviewReady(page);
  await expect(page.getByText('Refreshes every 5s')).toBeVisible();
  await expect(page.getByTestId('database-banner')).toHaveCount(0);

  // The console answers its health probe with 503 and this body when the database is unreachable.
  await page.route('**/api/health', (route) =>
    route.fulfill({ status: 503, json: { status: 'degraded', console: { status: 'ok' }, database: { status: 'unavailable' } } }),
  );
  await page.route('**/api/v1/overview', (route) => route.fulfill({ status: 503, json: { error: 'service_unavailable' } }));
  await page.clock.runFor(16_000); // past both polling intervals (5 s overview, 15 s health probe)
  await expect(page.getByTestId('database-banner')).toContainText('Database unavailable');
  await expect(page.getByRole('alert').filter({ hasText: 'Live updates failed' })).toBeVisible();
  // The last good data stays on screen.
  await expect(page.getByRole('table', { name: 'Components' }).locator('tbody tr')).toHaveCount(MONITORED.length);

  await page.unroute('**/api/health');
  await page.unroute('**/api/v1/overview');
  await page.clock.runFor(16_000);
  await expect(page.getByTestId('database-banner')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Live updates failed' })).toHaveCount(0);

  // Hidden: however much time passes, no overview request is made.
  let polls = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/overview')) polls++;
  });
  await setTabVisible(page, false);
  await expect(page.getByText('Paused while this tab is hidden')).toBeVisible();
  const before = polls;
  await page.clock.runFor(60_000);
  // A round trip after the fast-forward: request events arrive in order, so any poll fired above is counted by now.
  await page.evaluate(() => fetch('/api/health').then((r) => r.status));
  expect(polls).toBe(before);

  // Back on screen: it refreshes at once and polls again.
  await setTabVisible(page, true);
  await expect(page.getByText('Refreshes every 5s')).toBeVisible();
  await expect.poll(() => polls).toBeGreaterThan(before);
});

test('component page: charts plot points, thresholds and the trend line; range in the URL', async ({ page }) => {
  // search-service's CPU runaway is projected from the start and only a person can restart it (production).
  await page.goto('/components/search-service');
  await expect(page).toHaveTitle('search-service · Components · Self-Healing Console');
  await expect(page.getByTestId('prediction-panel')).toContainText(/Recommended action/);
  await expect(page.getByTestId('recommended-action')).toHaveText(/^(Restart\/Rollback|Monitor closely|Schedule maintenance|Normal operation)$/);
  await expect(page.getByTestId('leak-panel')).toContainText(/Series/);

  for (const metric of ['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms', 'memory_mb']) {
    const chart = page.getByTestId(`chart-${metric}`);
    await expect(chart.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L|C)/);
    // Threshold lines, labelled in the legend (resident memory has no thresholds).
    if (metric !== 'memory_mb') await expect(chart).toContainText(/warning .+critical /);
  }
  // The runaway's CPU climbs: the prediction projects it, and the chart draws that line.
  await expect(page.getByTestId('chart-cpu_usage').locator('.projection-line path.recharts-line-curve')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('chart-cpu_usage')).toContainText('trend → critical');
  await expect(page.getByTestId('chart-health_score').locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M/);

  await page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '6h' }).click();
  await expect(page).toHaveURL(/\/components\/search-service\?range=6h$/);
  await expect(page.getByRole('link', { name: '6h' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /Trends · Last 6 hours/ })).toBeVisible();
  await expect(page.getByTestId('chart-cpu_usage').locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M/);
});

test('an unknown component is a 404 page', async ({ page }) => {
  const res = await page.goto('/components/no-such-component');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Component not found' })).toBeVisible();
});

test('predictions: most likely failure first, with reasons and the recommended action', async ({ page }) => {
  await page.goto('/predictions');
  await expect(page).toHaveTitle('Predictions · Self-Healing Console');
  const cards = page.getByRole('list', { name: /Failure predictions/ }).locator(':scope > li');
  await expect(cards).toHaveCount(MONITORED.length);
  const seen = await cards.evaluateAll((lis) =>
    lis.map((li) => ({
      level: li.getAttribute('data-level') as keyof typeof LEVEL_ACTION,
      probability: Number(li.querySelector('[data-testid=probability]')!.textContent!.replace('%', '')),
      action: li.querySelector('[data-testid=recommended-action]')!.textContent,
      reasons: li.querySelectorAll('ul li').length,
    })),
  );
  const probabilities = seen.map((s) => s.probability);
  expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
  for (const s of seen) {
    expect(s.action).toBe(LEVEL_ACTION[s.level]);
    expect(s.reasons).toBeGreaterThan(0);
  }
});

test('activity: filters change the URL and the rows; the next page continues where the first ended', async ({ page }) => {
  await page.goto('/activity');
  await expect(page).toHaveTitle('Activity · Self-Healing Console');
  const rows = page.getByRole('table', { name: 'Activity' }).locator('tbody tr');
  await expect(rows).toHaveCount(50);
  const attribute = (name: string) => rows.evaluateAll((trs, n) => trs.map((tr) => tr.getAttribute(n)), name);

  await page.getByLabel('Component').selectOption('payments-worker');
  await expect(page).toHaveURL(/\/activity\?component=payments-worker$/);
  await page.getByLabel('Action type').selectOption('proactive_health_check');
  await expect(page).toHaveURL(/component=payments-worker&type=proactive_health_check/);
  await expect(rows.first()).toHaveAttribute('data-component', 'payments-worker');
  expect(new Set(await attribute('data-component'))).toEqual(new Set(['payments-worker']));

  // Metadata is readable at a glance and complete on demand.
  await expect(rows.first()).toContainText('health score');
  await rows.first().getByText('metadata').click();
  await expect(rows.first().locator('pre')).toContainText('"component": "payments-worker"');

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByLabel('Component')).toHaveValue('');

  // Paging through a filtered view: healthy checks arrive several per second, so a second page exists soon.
  await page.getByLabel('Status').selectOption('healthy');
  await expect(page).toHaveURL(/\/activity\?status=healthy$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('next-page')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(new Set(await attribute('data-status'))).toEqual(new Set(['healthy']));
  const firstPage = (await attribute('data-id')).map(Number);

  await page.getByTestId('next-page').click();
  await expect(page).toHaveURL(/status=healthy&cursor=/);
  await expect(page.getByRole('link', { name: '← Newest' })).toBeVisible();
  const secondPage = (await attribute('data-id')).map(Number);
  expect(secondPage.length).toBeGreaterThan(0);
  expect(new Set(await attribute('data-status'))).toEqual(new Set(['healthy']));
  // Keyset order: the second page starts strictly after the first one ended, with no overlap.
  expect(Math.max(...secondPage)).toBeLessThan(Math.min(...firstPage));
});

test('analytics: window in the URL, charts drawn, the CSV export matches the JSON export', async ({ page }) => {
  await page.goto('/analytics');
  await expect(page).toHaveTitle('Analytics · Self-Healing Console');
  await page.getByRole('navigation', { name: 'Window' }).getByRole('link', { name: '1h' }).click();
  await expect(page).toHaveURL(/\/analytics\?window=1h$/);
  await expect(page.getByTestId('chart-top-actions').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-actions-over-time').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('top-actions-table')).toContainText('proactive_health_check');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^self-healing-activity-1h-\d{8}T\d{6}Z\.csv$/);
  const csv = parseCsv(fs.readFileSync((await file.path())!, 'utf8'));
  expect(csv[0]).toEqual(['id', 'executed_at', 'agent_name', 'action_type', 'status', 'component', 'metadata']);
  const csvRows = csv.slice(1);
  expect(csvRows.length).toBeGreaterThan(0);
  expect(csvRows.every((r) => r.length === 7)).toBe(true);
  expect(() => csvRows.map((r) => JSON.parse(r[6]!))).not.toThrow();

  // Both links pin the same end of window, so both files hold exactly the same rows.
  const jsonHref = (await page.getByTestId('export-json').getAttribute('href'))!;
  const json = await (await page.request.get(jsonHref)).json();
  expect(json.window).toBe('1h');
  expect(json.rows).toHaveLength(csvRows.length);
  expect(json.summary.total_rows).toBe(csvRows.length);
  expect(json.rows.map((r: { id: number }) => String(r.id))).toEqual(csvRows.map((r) => r[0]));
  const perType = json.summary.top_actions.reduce((n: number, a: { count: number }) => n + a.count, 0);
  expect(perType).toBe(csvRows.length);
});

test('keyboard: the skip link is the first stop and lands on the content', async ({ page }) => {
  await page.goto('/predictions');
  // Tab only once the streamed page has rendered and hydrated; a Tab during streaming lands wherever the DOM was then.
  await expect(page.getByTestId('recommended-action').first()).toBeVisible();
  await page.waitForLoadState('load');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

const PAGES = [
  { name: 'overview', path: '/', ready: (p: Page) => overviewReady(p) },
  { name: 'predictions', path: '/predictions', ready: (p: Page) => expect(p.getByTestId('recommended-action').first()).toBeVisible() },
  {
    name: 'component',
    path: '/components/payments-worker',
    ready: (p: Page) => expect(p.getByTestId('chart-memory_usage').locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M/),
  },
  { name: 'activity', path: '/activity', ready: (p: Page) => expect(p.getByRole('table', { name: 'Activity' }).locator('tbody tr').first()).toBeVisible() },
  {
    name: 'analytics',
    path: '/analytics',
    ready: (p: Page) => expect(p.getByTestId('chart-top-actions').locator('.recharts-bar-rectangle').first()).toBeVisible(),
  },
  { name: 'not-found', path: '/components/no-such-component', ready: (p: Page) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every page, ${scheme}: no serious or critical axe violation; screenshots at 1280 and 390 px`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const { name, path, ready } of PAGES) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await ready(page);
        const suffix = scheme === 'light' ? '' : '-dark';
        await page.screenshot({ path: `test-results/screenshots/${name}-${width}${suffix}.png`, fullPage: true });
        if (width !== 1280) continue;
        const results = await new AxeBuilder({ page }).analyze();
        const blocking = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        expect(blocking, `${name} (${scheme})`).toEqual([]);
      }
    }
  });
}
