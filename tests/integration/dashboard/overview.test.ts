/**
 * What the overview (and GET /api/v1/overview, which it polls) says the console
 * proposes, from rows this test writes: the card's action, the reconciler's next
 * proposal for the latest check, and open remediations with their status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute } from '@/app/api/v1/overview/route';
import { recordComponentState } from '@/db/queries/component-history';
import { ensureComponent } from '@/db/queries/components';
import { remediations } from '@/db/schema';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { runHealthCheck } from '@/lib/services/health-check';
import { overview, type OverviewDeps, type OverviewRow } from '@/lib/services/overview';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { refusingService } from '../../support/fake-executors';

const unused = (): never => {
  throw new Error('the overview must not act');
};
const deps: OverviewDeps = {
  triggers: DEFAULT_HEALING_TRIGGERS,
  maxEvidenceAgeMs: 300_000,
  rejectionSnoozeMs: 3_600_000,
  // A service for every component, no cleanup hook; like Render, only a state naming a deploy can be re-applied.
  // Nothing here runs: the overview only asks.
  executors: {
    service: () => ({ serviceId: 'srv-test', executor: refusingService('the overview must not act') }),
    cleanup: () => null,
    applyState: (_component, state) => (typeof state.deploy_id === 'string' ? { kind: 'render', apply: unused } : null),
  },
};
const calm = { cpu_usage: 30, memory_usage: 50, error_rate: 0.002, latency_ms: 150 };
let viewer: string;

beforeAll(async () => {
  const { db } = await testDatabase();
  viewer = await createTestToken('viewer');
  const check = (name: string, sample: typeof calm) => runHealthCheck(db, name, sample, { triggers: DEFAULT_HEALING_TRIGGERS });

  await check('checkout-api', calm);
  // error_rate 9%: over HEAL_ERROR_THRESH (5%), under critical (10%) — the prediction stays low.
  await check('inventory-sync', { ...calm, error_rate: 0.09 });
  await check('rejected-sync', { ...calm, error_rate: 0.09 });
  await check('stateless-sync', { ...calm, error_rate: 0.09 });
  await check('deployless-sync', { ...calm, error_rate: 0.09 });
  // A previous_state rollback needs an earlier state to go back to, one the executors can re-apply.
  for (const name of ['inventory-sync', 'rejected-sync']) {
    const c = await ensureComponent(db, name);
    await recordComponentState(db, c.id, { deploy_id: 'dep-1' }, 'test');
    await recordComponentState(db, c.id, { deploy_id: 'dep-2' }, 'test');
  }
  const deployless = await ensureComponent(db, 'deployless-sync');
  await recordComponentState(db, deployless.id, { version: 'v1' }, 'test');
  await recordComponentState(db, deployless.id, { version: 'v2' }, 'test');
  await check('search-service', { ...calm, cpu_usage: 95 });
  await check('staging-worker', { ...calm, latency_ms: 6000 });

  const base = { action: 'restart' as const, risk: 'high' as const, reason: 't', requestedByKind: 'reconciler' as const, requestedBy: 'reconciler' };
  const search = await ensureComponent(db, 'search-service');
  const staging = await ensureComponent(db, 'staging-worker');
  const rejected = await ensureComponent(db, 'rejected-sync');
  await db.insert(remediations).values([
    { ...base, componentId: search.id, status: 'pending_approval', expiresAt: new Date(Date.now() + 600_000), createdAt: new Date(Date.now() - 2000) },
    // Other actions: one open remediation per component and action.
    { ...base, componentId: search.id, action: 'rollback', params: { rollback_type: 'deployment' }, status: 'pending_approval', expiresAt: new Date(Date.now() + 600_000) },
    // Past its expiry: nobody can approve it, so it is not open any more.
    { ...base, componentId: search.id, action: 'memory_cleanup', status: 'pending_approval', expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 60_000) },
    { ...base, componentId: search.id, status: 'succeeded' },
    { ...base, componentId: staging.id, risk: 'low', status: 'executing' },
    { ...base, componentId: rejected.id, action: 'rollback', status: 'rejected', decidedAt: new Date(Date.now() - 60_000), decidedBy: 'a@x' },
  ]);
});

async function rows(): Promise<Record<string, OverviewRow>> {
  const { db } = await testDatabase();
  const o = await overview(db, deps);
  return Object.fromEntries(o.components.map((c) => [c.name, c]));
}

describe('the console proposal of each component', () => {
  it("a healthy component: the card's action and nothing to heal", async () => {
    const { 'checkout-api': c } = await rows();
    expect(c!.console_proposal).toEqual({ recommended_action: 'Normal operation', next: null, open: [] });
  });

  it('error_rate over its trigger with a low prediction: a rollback that will ask for approval (production)', async () => {
    const { 'inventory-sync': c } = await rows();
    expect(c!.latest_health!.failure_prediction.level).toBe('low');
    expect(c!.console_proposal.recommended_action).toBe('Normal operation');
    expect(c!.console_proposal.next).toMatchObject({ action: 'rollback', params: { rollback_type: 'previous_state' }, outcome: 'approval' });
    expect(c!.console_proposal.open).toEqual([]);
  });

  it('no earlier state to roll back to: like the reconciler, it proposes a restart instead', async () => {
    const { 'stateless-sync': c } = await rows();
    expect(c!.console_proposal.next).toMatchObject({ action: 'restart', outcome: 'approval' });
  });

  it('earlier states nothing can re-apply: a restart, as the request path would refuse the rollback', async () => {
    const { 'deployless-sync': c } = await rows();
    expect(c!.console_proposal.next).toMatchObject({ action: 'restart', outcome: 'approval' });
  });

  it('a person rejected the rollback recently: snoozed until the snooze ends', async () => {
    const { 'rejected-sync': c } = await rows();
    expect(c!.console_proposal.next).toMatchObject({ action: 'rollback', outcome: 'snoozed' });
    expect(Date.parse(c!.console_proposal.next!.until!) - Date.now()).toBeGreaterThan(58 * 60_000);
  });

  it('open requests oldest first, without expired ones; the count agrees', async () => {
    const { 'search-service': c } = await rows();
    expect(c!.pending_approvals).toBe(2);
    expect(c!.console_proposal.open.map((o) => o.status)).toEqual(['pending_approval', 'pending_approval']);
    const [first, second] = c!.console_proposal.open;
    expect(Date.parse(first!.created_at)).toBeLessThan(Date.parse(second!.created_at));
    expect(c!.console_proposal.next).toMatchObject({ action: 'restart', outcome: 'approval' });
  });

  it('an executing low-risk restart in staging', async () => {
    const { 'staging-worker': c } = await rows();
    expect(c!.console_proposal.open).toMatchObject([{ action: 'restart', status: 'executing', risk: 'low' }]);
  });
});

describe('GET /api/v1/overview', () => {
  it('carries the proposal and the evidence age the pages call stale', async () => {
    const res = await call(overviewRoute, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.max_evidence_age_seconds).toBe(300);
    const inv = res.body.components.find((c: { name: string }) => c.name === 'inventory-sync');
    // Served with the real executors: nothing here can roll back or restart inventory-sync (no Render
    // service, not simulated), so — like the reconciler — the console proposes nothing.
    expect(inv.console_proposal).toMatchObject({ recommended_action: 'Normal operation', next: null });
  });
});
