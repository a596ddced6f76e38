/**
 * Execution leases: an executor that dies mid-action is found by its lapsed
 * lease and marked failed, never re-run; an executor that reports after its
 * lease lapsed does not turn that failure into a success.
 */
import { describe, expect, it } from 'vitest';
import { upsertComponentConfig } from '@/db/queries/components';
import { failLapsedLeases, insertRemediation } from '@/db/queries/remediations';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { executeRemediation } from '@/lib/remediation/execute';
import { reconcileOnce } from '@/lib/remediation/reconciler';
import { MIN_EXECUTION_LEASE_SECONDS, remediationSettingsFromEnv } from '@/lib/remediation/settings';
import type { ExecutorRegistry } from '@/lib/remediation/types';
import { RENDER_ACTION_WORST_CASE_MS } from '@/lib/executors/render';
import { testDatabase } from '../../helpers/api';
import { fakeRegistry, restartingService, servicesByName } from '../../support/fake-executors';

const settings = remediationSettingsFromEnv({});
const restarts: string[] = [];
let onRestart: () => Promise<void> = async () => {};

const render = restartingService({
  kind: 'render',
  message: 'Service restart initiated',
  onRestart: async (id) => {
    restarts.push(id);
    await onRestart();
  },
});
const executors: ExecutorRegistry = fakeRegistry(servicesByName(render, (c) => `srv-${c.name.replace(/[^a-z0-9]/g, '')}`));

async function approvedRestart(name: string) {
  const { db } = await testDatabase();
  const { component } = await upsertComponentConfig(db, name, { environment: 'dev', render_service_id: 'srv-lease1' }, 'test');
  return insertRemediation(db, {
    componentId: component.id,
    action: 'restart',
    risk: 'low',
    status: 'approved',
    reason: 'lease test',
    requestedByKind: 'user',
    requestedBy: 'someone@example.com',
  });
}

const brainRows = async (id: string) =>
  (await testDatabase()).rawQuery<{ status: string; metadata: Record<string, unknown> }>(
    `select status, metadata from unified_brain where metadata->>'remediation_id' = '${id}' order by id`,
  );

describe('execution lease', () => {
  it('a crash mid-execution: the lapsed lease is marked failed by the reconciler and the action is never re-run', async () => {
    const { db, rawQuery } = await testDatabase();
    const remediation = await approvedRestart('lease-crash');
    // The executor "dies" after claiming: executing, lease in the past, no outcome ever reported.
    await rawQuery(`update remediations set status = 'executing', started_at = now() - interval '10 minutes',
                      lease_expires_at = now() - interval '5 minutes' where id = '${remediation.id}'`);
    const deps = { executors, settings, triggers: DEFAULT_HEALING_TRIGGERS };
    expect(await reconcileOnce(db, deps)).toMatchObject({ lapsed: 1, resumed: 0 });
    const [row] = await rawQuery<{ status: string; error: string }>(`select status, error from remediations where id = '${remediation.id}'`);
    expect(row!.status).toBe('failed');
    expect(row!.error).toContain('lease expired');
    expect((await brainRows(remediation.id)).map((r) => r.status)).toEqual(['failure']);
    // Neither the next pass nor another worker runs it again.
    expect(await reconcileOnce(db, deps)).toMatchObject({ lapsed: 0, resumed: 0 });
    expect((await executeRemediation(db, remediation.id, { executors, settings })).executed).toBe(false);
    expect(restarts).not.toContain('srv-leasecrash');
  });

  it('an outcome reported after the lease expired is recorded as late, not as a success', async () => {
    const { db, rawQuery } = await testDatabase();
    const remediation = await approvedRestart('lease-late');
    // While the executor works, its lease lapses and the reconciler marks the remediation failed.
    onRestart = async () => {
      await failLapsedLeases(db, new Date(Date.now() + settings.executionLeaseMs + 60_000));
    };
    try {
      const execution = await executeRemediation(db, remediation.id, { executors, settings });
      expect(execution).toMatchObject({ executed: true, late: true });
      expect(execution.outcome).toMatchObject({ success: false, result: { success: false, reported_success: true, lease_expired: true } });
      expect(execution.remediation.status).toBe('failed');
    } finally {
      onRestart = async () => {};
    }
    const [row] = await rawQuery<{ status: string; error: string; result: Record<string, unknown> }>(
      `select status, error, result from remediations where id = '${remediation.id}'`,
    );
    expect(row!.status).toBe('failed');
    expect(row!.error).toContain('reported success after its lease expired');
    expect(row!.result).toMatchObject({ reported_success: true, lease_expired: true });
    const brain = await brainRows(remediation.id);
    expect(brain.map((r) => r.status)).toEqual(['late_outcome']);
    expect(brain[0]!.metadata).toMatchObject({ component: 'lease-late', reported_success: true, counted_as: 'failed' });
  });

  it('the shortest lease allowed outlasts the slowest Render action (3 calls × (4 × 10 s + 3 × 8 s))', () => {
    expect(RENDER_ACTION_WORST_CASE_MS).toBe(192_000);
    expect(MIN_EXECUTION_LEASE_SECONDS * 1000).toBeGreaterThan(RENDER_ACTION_WORST_CASE_MS);
    expect(() => remediationSettingsFromEnv({ EXECUTION_LEASE_SECONDS: '60' })).toThrow(/EXECUTION_LEASE_SECONDS must be a number ≥ 222/);
    expect(remediationSettingsFromEnv({ EXECUTION_LEASE_SECONDS: '222' }).executionLeaseMs).toBe(222_000);
    expect(settings.executionLeaseMs).toBe(300_000);
  });
});
