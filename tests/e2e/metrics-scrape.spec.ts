/**
 * A real Prometheus scrapes the running console's /metrics (the production
 * build, through Next.js and proxy.ts) with the README's scrape job verbatim,
 * authenticated by a viewer API token.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startPrometheus } from '../support/monitoring-stack';
import { BASE_URL, e2eState } from './support';

test('Prometheus scrapes /metrics with the README job: target up, console series queryable', async () => {
  test.setTimeout(90_000);
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- prometheus-scrape-job:[^>]*-->\n```yaml\n([\s\S]*?)```\n<!-- \/prometheus-scrape-job -->/.exec(readme)?.[1];
  expect(block, 'README scrape job block').toBeDefined();
  const config = block!.replaceAll('<CONSOLE_HOST:PORT>', new URL(BASE_URL).host).replaceAll('<METRICS_TOKEN>', e2eState().tokens.viewer);
  const prometheus = await startPrometheus({ config });
  try {
    await prometheus.waitForTarget('self-healing-console', 60_000);
    const up = (await prometheus.query('up{job="self-healing-console"}')) as { result: Array<{ value: [number, string] }> };
    expect(up.result.map((r) => r.value[1])).toEqual(['1']);
    const db = (await prometheus.query('shc_database_up{job="self-healing-console"}')) as { result: Array<{ value: [number, string] }> };
    expect(db.result.map((r) => r.value[1])).toEqual(['1']);
    // The simulator's checks go through the health check: counted in this very process.
    const checks = (await prometheus.query('sum(shc_health_checks_total{job="self-healing-console"})')) as { result: Array<{ value: [number, string] }> };
    expect(Number(checks.result[0]?.value[1])).toBeGreaterThan(0);
  } finally {
    await prometheus.close();
  }
});
