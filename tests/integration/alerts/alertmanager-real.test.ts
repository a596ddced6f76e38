/**
 * A real Alertmanager 0.25 (tests/support/monitoring-stack.ts) with the README's receiver block,
 * verbatim but for its two documented placeholders, delivers to the console's receiver route
 * (served over HTTP from this process, on the test database). An alert fed through Alertmanager's
 * API v2 is stored once however often Alertmanager re-sends it (repeat_interval, a re-post), its
 * resolution closes it, and while firing at `critical` it is the reconciler's trigger.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as receive } from '@/app/api/v1/alerts/alertmanager/route';
import { upsertComponentConfig } from '@/db/queries/components';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { reconcileOnce } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { createTestToken, testDatabase } from '../../helpers/api';
import { startAlertmanager, type AlertmanagerServer } from '../../support/monitoring-stack';
import { serveRoute } from '../../support/route-server';
import { fakeRegistry, registeredServices, restartingService } from '../../support/fake-executors';

/** The README's block; only `https://console.example.com` and the token placeholder are replaced. */
function readmeReceiver(consoleUrl: string, token: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- alertmanager-receiver[^>]*-->\n```yaml\n([\s\S]*?)```\n<!-- \/alertmanager-receiver -->/.exec(readme)?.[1];
  if (!block) throw new Error('README.md lost its alertmanager-receiver block');
  return block.replaceAll('https://console.example.com', consoleUrl).replaceAll('shc_REPLACE_WITH_OPERATOR_TOKEN', token);
}

let console_: Awaited<ReturnType<typeof serveRoute>>;
let am: AlertmanagerServer;
let token: string;
const STARTS_AT = new Date(Date.now() - 60_000).toISOString();
const alert = (extra: Record<string, unknown> = {}) => ({
  labels: { alertname: 'HighErrorRate', component: 'am-checkout', severity: 'critical' },
  annotations: { summary: 'checkout 5xx above 5 % for 5 minutes' },
  startsAt: STARTS_AT,
  generatorURL: 'http://prometheus.test/graph',
  ...extra,
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${am.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stored() {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ fingerprint: string; status: string; starts_at: Date | string }>(`select fingerprint, status, starts_at from alerts where alertname = 'HighErrorRate' and component_label = 'am-checkout'`);
}
async function brainCount(type: string) {
  const { rawQuery } = await testDatabase();
  const [row] = await rawQuery<{ n: number | string }>(`select count(*) as n from unified_brain where action_type = '${type}' and metadata->>'component' = 'am-checkout'`);
  return Number(row!.n);
}

beforeAll(async () => {
  const { db } = await testDatabase();
  await upsertComponentConfig(db, 'am-checkout', { render_service_id: 'srv-amcheckout' }, 'test');
  token = await createTestToken('operator', 'alertmanager-real');
  console_ = await serveRoute('/api/v1/alerts/alertmanager', receive);
  // Small intervals so the test sees Alertmanager's re-sends within seconds.
  const config = `route:
  receiver: self-healing-console
  group_by: [alertname]
  group_wait: 500ms
  group_interval: 1s
  repeat_interval: 2s
${readmeReceiver(console_.url, token)}`;
  am = await startAlertmanager({ config });
});

afterAll(async () => {
  await am?.close();
  await console_?.close();
});

describe('a real Alertmanager delivering to the console', () => {
  it('stores the alert once across re-sends and re-posts, triggers a proposal, and closes it when resolved', async () => {
    await am.postAlerts([alert()]);
    const [row] = await until('the first delivery to be stored', async () => (await stored()).length > 0 && stored());
    expect(row!.status).toBe('firing');
    expect(row!.fingerprint).toMatch(/^[0-9a-f]{16}$/); // Alertmanager's own fingerprint
    expect(new Date(row!.starts_at).toISOString()).toBe(STARTS_AT);
    expect(console_.deliveries[0]).toMatchObject({ authorization: `Bearer ${token}`, status: 200 });

    // A retry of the same alert (Prometheus re-posts it every evaluation) and Alertmanager's repeat_interval re-sends.
    await am.postAlerts([alert()]);
    const seen = console_.deliveries.length;
    await until('two more deliveries of the firing group', async () => console_.deliveries.length >= seen + 2);
    expect(console_.deliveries.every((d) => d.status === 200)).toBe(true);
    expect(JSON.parse(console_.deliveries.at(-1)!.body)).toMatchObject({ firing: 0, unchanged: 1 });
    expect(await stored()).toHaveLength(1);
    expect(await brainCount('alert_firing')).toBe(1);

    // Firing at critical: the reconciler's trigger, the alert's labels and annotations as evidence.
    const { db, rawQuery } = await testDatabase();
    await reconcileOnce(db, {
      settings: remediationSettingsFromEnv({}),
      triggers: DEFAULT_HEALING_TRIGGERS,
      executors: fakeRegistry(registeredServices(restartingService({ kind: 'render' }))),
    });
    const [proposal] = await rawQuery<{ action: string; status: string; evidence: Record<string, any> }>(
      `select r.action, r.status, r.evidence from remediations r join components c on c.id = r.component_id where c.name = 'am-checkout'`,
    );
    expect(proposal).toMatchObject({ action: 'restart', status: 'pending_approval' });
    expect(proposal!.evidence.alerts[0]).toMatchObject({ labels: alert().labels, annotations: alert().annotations, fingerprint: row!.fingerprint });

    // Resolved: Alertmanager sends it (send_resolved) and the console closes the row once.
    await am.postAlerts([alert({ endsAt: new Date(Date.now() - 1000).toISOString() })]);
    await until('the resolution to be stored', async () => (await stored())[0]?.status === 'resolved');
    expect(await stored()).toHaveLength(1);
    expect(await brainCount('alert_resolved')).toBe(1);
  });
});
