/**
 * Issue 13, 6b: an approval racing the expiry sweep. The sweep (expirePending)
 * takes no component lock, so on PostgreSQL it can expire the row while an
 * approval is between its checks and its UPDATE. The approver must be told it
 * expired (409), never get a server error, and nothing may run.
 */
import { describe, expect, it, vi } from 'vitest';
import { upsertComponentConfig } from '@/db/queries/components';
import { expirePending, findRemediation } from '@/db/queries/remediations';
import { DomainError } from '@/lib/healing/domain-error';
import type { ServiceExecutor } from '@/lib/executors/types';
import { decide } from '@/lib/remediation/decide';
import { requestRemediation } from '@/lib/remediation/request';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import type { RemediationDeps } from '@/lib/remediation/types';
import { testDatabase } from '../../helpers/api';
import { fakeRegistry, refusingService, registeredServices, restartingService } from '../../support/fake-executors';

const calls: string[] = [];
// Only the approved restart may reach it.
const render: ServiceExecutor = {
  ...refusingService('not used', 'render'),
  restart: restartingService({ kind: 'render', message: 'restarted', onRestart: (id) => void calls.push(id) }).restart,
};
const requestedAt = Date.parse('2026-11-30T12:00:00Z');
const deps = (at: number): RemediationDeps => ({
  settings: remediationSettingsFromEnv({}),
  now: () => new Date(at),
  executors: fakeRegistry(registeredServices(render)),
});

// *.pg.test.ts files run only against PostgreSQL (vitest.config.ts): PGlite has one connection, so nothing interleaves.
describe('approval vs the expiry sweep on PostgreSQL', () => {
  it('the sweep expires the row while the approval is under way: the approval answers 409 "it expired", nothing runs', async () => {
    const { db, rawQuery } = await testDatabase();
    await upsertComponentConfig(db, 'race-expiry', { render_service_id: 'srv-race-expiry' }, 'test');
    const outcome = await requestRemediation(
      db,
      { component: 'race-expiry', action: 'restart', params: {}, reason: 'latency', requester: { kind: 'user', name: 'op@example.com', userId: null } },
      deps(requestedAt),
    );
    expect(outcome.kind).toBe('pending');
    const id = outcome.kind === 'pending' ? outcome.remediation.id : '';

    // The sweep, one minute after the expiry, in a transaction held open until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let swept!: () => void;
    const sweptRow = new Promise<void>((resolve) => (swept = resolve));
    const sweep = db.transaction(async (tx) => {
      const expired = await expirePending(tx, new Date(requestedAt + 31 * 60_000));
      expect(expired.map((r) => r.id)).toContain(id);
      swept();
      await released;
    });
    await sweptRow;

    // The approver's clock says the proposal still has a minute left.
    const decision = decide(db, id, { kind: 'user', name: 'approver@example.com', userId: null }, 'approved', null, deps(requestedAt + 29 * 60_000)).then(
      () => null,
      (e: unknown) => e,
    );
    // It reaches the row the sweep holds and waits there (a lock wait, seen by the server — not a timer).
    await vi.waitFor(
      async () => {
        const waiting = await rawQuery(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        expect(waiting.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 20 },
    );
    release();
    await sweep;

    const error = await decision;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).message).toBe(`remediation ${id} cannot be approved: it expired before the decision`);
    expect((await findRemediation(db, id))!.status).toBe('expired');
    expect(calls).toEqual([]);
  });
});
