/**
 * The approvals page's read models: which remediations the queue offers for a
 * decision, which the History tab lists and in what order, and the evidence a
 * person's request carries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalHistory, decidableApprovals, insertRemediation } from '@/db/queries/remediations';
import { ensureComponent } from '@/db/queries/components';
import type { NewRemediation } from '@/db/schema';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { requestEvidence } from '@/lib/remediation/evidence';
import { runHealthCheck } from '@/lib/services/health-check';
import { testDatabase } from '../../helpers/api';

const NOW = new Date('2026-11-29T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

let componentId = '';
const ids: Record<string, string> = {};

const OPEN = ['proposed', 'pending_approval', 'approved', 'executing'];

async function seed(key: string, values: Partial<NewRemediation> & Pick<NewRemediation, 'status' | 'createdAt'>) {
  const { db } = await testDatabase();
  // One open remediation per component and action: every open one but `pending-old` gets a component of its own.
  const own = OPEN.includes(values.status) && key !== 'pending-old';
  const row = await insertRemediation(db, {
    componentId: own ? (await ensureComponent(db, `billing-${key}`)).id : componentId,
    action: 'restart',
    risk: 'high',
    reason: key,
    requestedByKind: 'user',
    requestedBy: 'operator@example.com',
    ...values,
  });
  ids[key] = row.id;
}

beforeAll(async () => {
  const { db } = await testDatabase();
  componentId = (await ensureComponent(db, 'billing')).id;
  const decided = (minutes: number, by = 'approver@example.com') => ({ decidedBy: by, decidedAt: ago(minutes) });
  await seed('succeeded', { status: 'succeeded', createdAt: ago(60), expiresAt: ago(30), ...decided(59), startedAt: ago(59), finishedAt: ago(58) });
  await seed('rejected', { status: 'rejected', createdAt: ago(30), expiresAt: NOW, ...decided(20), decisionReason: 'not needed' });
  await seed('expired', { status: 'expired', createdAt: ago(50), expiresAt: ago(20), finishedAt: ago(10) });
  await seed('failed', { status: 'failed', createdAt: ago(17), expiresAt: ago(1), ...decided(16), finishedAt: ago(15), error: 'Render answered 500' });
  await seed('executing', { status: 'executing', createdAt: ago(4), expiresAt: ago(-26), ...decided(3), startedAt: ago(3) });
  // Past its expiry, but the reconciler has not marked it yet.
  await seed('overdue', { status: 'pending_approval', createdAt: ago(31), expiresAt: ago(1) });
  // Expires this very instant: decide() refuses it (expires_at must be after now), so it is history too.
  await seed('at-expiry', { status: 'pending_approval', createdAt: ago(30), expiresAt: NOW });
  await seed('pending-new', { status: 'pending_approval', createdAt: ago(5), expiresAt: ago(-25) });
  await seed('pending-old', { status: 'pending_approval', createdAt: ago(8), expiresAt: ago(-22) });
  await seed('low-risk', {
    status: 'succeeded',
    risk: 'low',
    action: 'memory_cleanup',
    createdAt: ago(2),
    decidedBy: 'policy',
    decidedAt: ago(2),
    startedAt: ago(2),
    finishedAt: ago(2),
  });
  await seed('proposed', { status: 'proposed', createdAt: ago(1) });
});

const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe('decidableApprovals', () => {
  it('offers only pending remediations whose expiry is still ahead, oldest first', async () => {
    const { db } = await testDatabase();
    const rows = await decidableApprovals(db, NOW);
    expect(rows.map((r) => keyOf(r.id))).toEqual(['pending-old', 'pending-new']);
    expect(rows[0]).toMatchObject({ component: 'billing', environment: 'production', status: 'pending_approval' });
  });
});

describe('approvalHistory', () => {
  it('lists decided and finished remediations that needed an approver, latest activity first', async () => {
    const { db } = await testDatabase();
    const rows = await approvalHistory(db, { now: NOW });
    expect(rows.map((r) => keyOf(r.id))).toEqual(['at-expiry', 'overdue', 'executing', 'expired', 'failed', 'rejected', 'succeeded']);
  });

  it('shows a pending remediation past its expiry as expired, finished when it expired', async () => {
    const { db } = await testDatabase();
    const overdue = (await approvalHistory(db, { now: NOW })).find((r) => r.id === ids.overdue)!;
    expect(overdue.status).toBe('expired');
    expect(overdue.finishedAt).toEqual(ago(1));
    expect(overdue.decidedBy).toBeNull();
  });

  it('adds the low-risk remediations the policy approved when asked', async () => {
    const { db } = await testDatabase();
    const rows = await approvalHistory(db, { now: NOW, includePolicy: true });
    expect(rows.map((r) => keyOf(r.id))).toEqual([
      'at-expiry',
      'overdue',
      'low-risk',
      'executing',
      'expired',
      'failed',
      'rejected',
      'succeeded',
    ]);
    expect(rows.find((r) => r.id === ids['low-risk'])).toMatchObject({ decidedBy: 'policy', risk: 'low' });
  });

  it('never lists what is still open', async () => {
    const { db } = await testDatabase();
    const keys = (await approvalHistory(db, { now: NOW, includePolicy: true })).map((r) => keyOf(r.id));
    expect(keys).not.toContain('pending-new');
    expect(keys).not.toContain('pending-old');
    expect(keys).not.toContain('proposed');
  });

  it('stops at the limit, keeping the most recent', async () => {
    const { db } = await testDatabase();
    const rows = await approvalHistory(db, { now: NOW, limit: 2 });
    expect(rows.map((r) => keyOf(r.id))).toEqual(['at-expiry', 'overdue']);
  });
});

describe('requestEvidence', () => {
  it("is the component's latest health check, in the reconciler's evidence shape", async () => {
    const { db } = await testDatabase();
    const sample = { cpu_usage: 85, memory_usage: 88, error_rate: 0.08, latency_ms: 3500, memory_mb: 900 };
    await runHealthCheck(db, 'cart', { ...sample, timestamp: ago(2) }, { triggers: DEFAULT_HEALING_TRIGGERS, now: NOW });
    const latest = await runHealthCheck(db, 'cart', { ...sample, cpu_usage: 20, timestamp: ago(1) }, { triggers: DEFAULT_HEALING_TRIGGERS, now: NOW });
    const evidence = await requestEvidence(db, 'cart');
    expect(evidence).toMatchObject({
      checked_at: ago(1).toISOString(),
      health_score: latest.health_score,
      failure_prediction: latest.failure_prediction,
      metrics: { cpu_usage: 20, memory_usage: 88, error_rate: 0.08, latency_ms: 3500, memory_mb: 900 },
      warnings: latest.warnings,
      healing_triggers: latest.healing_triggers,
      memory_leak: latest.memory_leak,
    });
    expect(typeof evidence.health_check_id).toBe('number');
  });

  it('is empty for a component that was never checked, or is unknown', async () => {
    const { db } = await testDatabase();
    await ensureComponent(db, 'silent');
    expect(await requestEvidence(db, 'silent')).toEqual({});
    expect(await requestEvidence(db, 'nobody-knows')).toEqual({});
  });
});
