/**
 * A firing alert at a healing severity is a trigger: the reconciler proposes (restart rule of
 * lib/healing/remediation-plan.ts) with the alert's labels and annotations as evidence and its
 * sender as an evidence sender; a resolved alert, or one at another severity, triggers nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as receive } from '@/app/api/v1/alerts/alertmanager/route';
import { ensureComponent } from '@/db/queries/components';
import { setAlertRouting } from '@/db/queries/settings';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { reconcileOnce, type ReconcilerDeps } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { runHealthCheck } from '@/lib/services/health-check';
import { overview, type OverviewDeps } from '@/lib/services/overview';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { fingerprint, webhookPayload } from '../../support/alertmanager-payload';
import { fakeRegistry, restartingService, servicesByName } from '../../support/fake-executors';

const restarts: string[] = [];
function deps(): ReconcilerDeps {
  return {
    settings: remediationSettingsFromEnv({}),
    triggers: DEFAULT_HEALING_TRIGGERS,
    executors: fakeRegistry(servicesByName(restartingService({ onRestart: (id) => void restarts.push(id) }))),
  };
}
const overviewDeps: OverviewDeps = {
  triggers: DEFAULT_HEALING_TRIGGERS,
  maxEvidenceAgeMs: 300_000,
  rejectionSnoozeMs: 3_600_000,
  // A service for every component, no cleanup hook, no state that can be re-applied.
  executors: deps().executors,
};

let token: string;
beforeAll(async () => {
  token = await createTestToken('operator', 'alertmanager-trigger');
});

async function remediationsOf(component: string) {
  const { rawQuery } = await testDatabase();
  return rawQuery<{ action: string; status: string; reason: string; evidence: Record<string, any>; evidence_senders: { name: string }[] }>(
    `select r.action, r.status, r.reason, r.evidence, r.evidence_senders from remediations r join components c on c.id = r.component_id
      where c.name = '${component}' order by r.created_at`,
  );
}

// One start per test file: a resolved delivery names the same (fingerprint, startsAt) as its firing one.
const STARTED = new Date(Date.now() - 120_000).toISOString();
const fire = (component: string, severity: string, fp: string, status: 'firing' | 'resolved' = 'firing') =>
  call(receive, {
    token,
    body: webhookPayload([
      {
        status,
        labels: { alertname: 'HighErrorRate', component, severity, team: 'payments' },
        annotations: { summary: 'checkout error rate above 5 % for 5 minutes', runbook_url: 'https://runbooks.example/high-error-rate' },
        startsAt: STARTED,
        fingerprint: fp,
      },
    ]),
  });

describe('a firing healing alert triggers the reconciler', () => {
  it('proposes a restart, queued for approval (production), with the alert as evidence — no health check needed', async () => {
    const { db } = await testDatabase();
    await ensureComponent(db, 'alerted-svc');
    await fire('alerted-svc', 'critical', fingerprint());
    const counts = await reconcileOnce(db, deps());
    expect(counts).toMatchObject({ proposed: 1, queued: 1 });
    const [r] = await remediationsOf('alerted-svc');
    expect(r).toMatchObject({ action: 'restart', status: 'pending_approval' });
    expect(r!.reason).toMatch(/^alert HighErrorRate firing since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(severity critical\): checkout error rate above 5 %/);
    expect(r!.evidence.alerts).toEqual([
      expect.objectContaining({
        alertname: 'HighErrorRate',
        severity: 'critical',
        labels: { alertname: 'HighErrorRate', component: 'alerted-svc', severity: 'critical', team: 'payments' },
        annotations: { summary: 'checkout error rate above 5 % for 5 minutes', runbook_url: 'https://runbooks.example/high-error-rate' },
      }),
    ]);
    // Whoever delivered the alert sent the evidence: four-eyes keeps them from approving it.
    expect(r!.evidence_senders.map((s) => s.name)).toContain('alertmanager-trigger');
    // The overview says so before and after: the firing line, and the open request.
    const row = (await overview(db, overviewDeps)).components.find((c) => c.name === 'alerted-svc')!;
    expect(row.firing_alerts).toMatchObject([{ alertname: 'HighErrorRate', status: 'firing', healing: true }]);
    expect(row.console_proposal.open).toMatchObject([{ action: 'restart', status: 'pending_approval' }]);
  });

  it('also with a healthy fresh check: the alert is the trigger, and the check is in the evidence', async () => {
    const { db } = await testDatabase();
    await runHealthCheck(db, 'alerted-healthy', { cpu_usage: 20, memory_usage: 30, error_rate: 0.001, latency_ms: 100 }, { triggers: DEFAULT_HEALING_TRIGGERS });
    await fire('alerted-healthy', 'critical', fingerprint());
    await reconcileOnce(db, deps());
    const [r] = await remediationsOf('alerted-healthy');
    expect(r).toMatchObject({ action: 'restart', status: 'pending_approval' });
    expect(r!.evidence.health_score).toBe(100);
    expect(r!.evidence.alerts).toHaveLength(1);
  });

  it('a resolved alert stops triggering; a warning alert never triggers (default severities: critical)', async () => {
    const { db } = await testDatabase();
    await ensureComponent(db, 'resolved-svc');
    await ensureComponent(db, 'warning-svc');
    const fp = fingerprint();
    await fire('resolved-svc', 'critical', fp);
    await fire('resolved-svc', 'critical', fp, 'resolved');
    await fire('warning-svc', 'warning', fingerprint());
    await reconcileOnce(db, deps());
    expect(await remediationsOf('resolved-svc')).toEqual([]);
    expect(await remediationsOf('warning-svc')).toEqual([]);
    // The overview shows the warning as firing, not as a healing trigger, and proposes nothing for it.
    const rows = (await overview(db, overviewDeps)).components;
    expect(rows.find((c) => c.name === 'warning-svc')!.firing_alerts).toMatchObject([{ severity: 'warning', healing: false }]);
    expect(rows.find((c) => c.name === 'warning-svc')!.console_proposal.next).toBeNull();
    expect(rows.find((c) => c.name === 'resolved-svc')!.firing_alerts).toEqual([]);
  });

  it('the admin decides which severities heal', async () => {
    const { db } = await testDatabase();
    await ensureComponent(db, 'paged-svc');
    await fire('paged-svc', 'page', fingerprint());
    await setAlertRouting(db, { componentLabels: ['component'], healingSeverities: ['page'] }, 'test');
    try {
      const row = (await overview(db, overviewDeps)).components.find((c) => c.name === 'paged-svc')!;
      expect(row.console_proposal.next).toMatchObject({ action: 'restart', outcome: 'approval' });
      await reconcileOnce(db, deps());
      expect(await remediationsOf('paged-svc')).toMatchObject([{ action: 'restart', status: 'pending_approval' }]);
    } finally {
      await setAlertRouting(db, { componentLabels: ['component', 'service', 'job'], healingSeverities: ['critical'] }, 'test');
    }
  });
});
