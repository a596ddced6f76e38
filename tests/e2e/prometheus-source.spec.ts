/**
 * Prometheus as a source, in Chromium, against a real Prometheus scraping the ramp exporter
 * (tests/support): an admin adds a source on /admin (a bad query first: refused naming the
 * field, nothing stored), runs "Test queries", and sees the pull's status on the component
 * page and its health judged from the pulled samples. Screenshots in test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startPrometheus, type PrometheusServer } from '../support/monitoring-stack';
import { historySeries, startRampExporter, type RampExporter } from '../support/ramp-exporter';
import { remoteWrite } from '../support/remote-write';
import { expect, test } from './test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const COMPONENT = 'prom-e2e';

let prom: PrometheusServer;
let exporter: RampExporter;

/** The README's source queries (the block the docs tell admins to paste). */
function readmeQueries(): Record<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- prometheus-source:start -->([\s\S]*?)<!-- prometheus-source:end -->/.exec(readme)![1]!;
  return (JSON.parse(/<<'JSON'\n([\s\S]*?)\nJSON\n/.exec(block)![1]!) as { queries: Record<string, string> }).queries;
}

test.use({ signedInAs: 'admin' });

test.beforeAll(async () => {
  const shape = { startMs: Date.now() - 20 * 60_000, cpuStart: 30, cpuPerMinute: 2.5, memStart: 40, memPerMinute: 1 };
  exporter = await startRampExporter(shape, COMPONENT);
  prom = await startPrometheus({
    config: `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: exporter\n    static_configs: [{ targets: ['127.0.0.1:${exporter.port}'] }]\n`,
  });
  await prom.waitForTarget('exporter');
  await remoteWrite(prom.url, historySeries(shape, COMPONENT, { job: 'exporter', instance: `127.0.0.1:${exporter.port}` }, Date.now() - 2_000, 15_000));
  await exporter.enable();
  await expect
    .poll(async () => ((await prom.query(`process_memory_limit_bytes{service="${COMPONENT}"}`)) as { result: unknown[] }).result.length, { timeout: 20_000 })
    .toBe(1);
});

test.afterAll(async () => {
  await prom?.close();
  await exporter?.close();
});

test('an admin adds a Prometheus source, tests its queries and sees its status on the component page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/admin');
  const panel = page.getByRole('region', { name: 'Prometheus sources' });
  const form = panel.getByRole('form', { name: 'Add a Prometheus source' });
  await form.getByLabel('Name').fill('e2e-prometheus');
  await form.getByLabel('Base URL').fill(prom.url);
  const queries = readmeQueries();
  for (const [metric, query] of Object.entries(queries)) await form.getByLabel(metric, { exact: false }).fill(query);
  await form.getByLabel('Components (comma-separated)').fill(COMPONENT);

  // An empty query: refused, naming the field; nothing stored.
  await form.getByLabel('cpu_usage', { exact: false }).fill('');
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(panel.getByRole('alert')).toHaveText('queries.cpu_usage: must not be empty');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Prometheus sources' }).getByRole('row', { name: /e2e-prometheus/ })).toHaveCount(0);

  const again = page.getByRole('region', { name: 'Prometheus sources' }).getByRole('form', { name: 'Add a Prometheus source' });
  await again.getByLabel('Name').fill('e2e-prometheus');
  await again.getByLabel('Base URL').fill(prom.url);
  for (const [metric, query] of Object.entries(queries)) await again.getByLabel(metric, { exact: false }).fill(query);
  await again.getByLabel('Components (comma-separated)').fill(COMPONENT);
  await again.getByRole('button', { name: 'Add source' }).click();
  const sources = page.getByRole('region', { name: 'Prometheus sources' });
  await expect(sources.getByRole('status')).toHaveText('Saved e2e-prometheus');
  const row = sources.getByRole('row', { name: /e2e-prometheus/ });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Test queries' }).click();
  const results = sources.getByLabel('Query results');
  await expect(results.getByRole('heading')).toHaveText(`What e2e-prometheus returns now for ${COMPONENT}`);
  const cpu = results.getByRole('row', { name: /^cpu_usage/ });
  await expect(cpu).toContainText('100 * max(rate(process_cpu_seconds_total{service="prom-e2e"}[1m]))');
  await expect(cpu.getByRole('cell').nth(2)).toHaveText(/^\d+(\.\d+)?$/);
  await expect(results.getByRole('row', { name: /^error_rate/ }).getByRole('cell').nth(2)).toHaveText(/^0\.01$/);
  await shot(page, 'prometheus-source-test-queries');

  // The puller (every 2 s here) backfills the hour and judges the component from it.
  await expect
    .poll(
      async () => {
        const response = await page.goto(`/components/${COMPONENT}`);
        return response?.status();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(200);
  const status = page.getByTestId('source-status');
  await expect(status).toContainText('Prometheus source e2e-prometheus pulled');
  await expect(page.getByTestId('health-score')).not.toHaveText('—');
  await shot(page, 'prometheus-source-component-page');
});
