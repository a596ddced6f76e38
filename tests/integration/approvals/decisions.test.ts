/**
 * The server-side rules the approvals page and the component actions rely on,
 * through the same calls their server actions make (requestRemediation,
 * decide, and the mapping to what the browser receives): a person's
 * production request waits; four-eyes; a rejection needs a reason; an expired
 * proposal never runs; racing approvals run it once; the cooldown refuses a
 * repeat and says until when.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionRequestInput, approveInput, rejectInput } from '@/lib/validation/action-inputs';
import { toDecisionResult, toRequestResult } from '@/components/remediation/outcomes';
import { approvalHistory, decidableApprovals, findRemediation } from '@/db/queries/remediations';
import { upsertComponentConfig } from '@/db/queries/components';
import { unifiedBrain } from '@/db/schema';
import { httpStatusOf } from '@/lib/api/errors';
import { DomainError } from '@/lib/healing/domain-error';
import { decide } from '@/lib/remediation/decide';
import { requestRemediation } from '@/lib/remediation/request';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import type { Actor, ExecutorRegistry, RemediationDeps } from '@/lib/remediation/types';
import { testDatabase } from '../../helpers/api';
import { countingRender } from '../../support/counting-render';
import { fakeRegistry, registeredServices } from '../../support/fake-executors';

const person = (email: string): Actor => ({ kind: 'user', name: email, userId: randomUUID() });
const operator = person('operator@example.com');
const approver = person('approver@example.com');
const approver2 = person('approver2@example.com');

// Render's stand-in counts what it was asked to do: "runs once" is about these calls.
const { calls, render } = countingRender();
const executors: ExecutorRegistry = fakeRegistry(registeredServices(render));

let clock = new Date('2026-11-29T12:00:00Z');
const deps: RemediationDeps = { executors, settings: remediationSettingsFromEnv({}), now: () => clock };
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

async function brainRows(remediationId: string) {
  const { db } = await testDatabase();
  return db
    .select()
    .from(unifiedBrain)
    .where(sql`${unifiedBrain.metadata}->>'remediation_id' = ${remediationId}`);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function requestRestart(component: string, requester = operator) {
  const { db } = await testDatabase();
  return requestRemediation(db, { component, action: 'restart', params: {}, reason: 'latency climbing', requester }, deps);
}

beforeAll(async () => {
  const { db } = await testDatabase();
  for (const name of ['orders', 'search', 'catalog', 'ledger', 'mailer', 'stocks']) {
    await upsertComponentConfig(db, name, { render_service_id: `srv-${name}` }, 'test');
  }
  await upsertComponentConfig(db, 'sandbox', { environment: 'staging', render_service_id: 'srv-sandbox' }, 'test');
});

describe('a person requests a production restart', () => {
  it('waits for an approver, runs nothing, and reaches the browser as pending', async () => {
    const outcome = await requestRestart('orders');
    const result = toRequestResult(outcome);
    expect(result.kind).toBe('pending');
    expect(result.remediation).toMatchObject({
      component: 'orders',
      status: 'pending_approval',
      risk: 'high',
      requested_by: 'operator@example.com',
      requested_by_kind: 'user',
      expires_at: new Date(clock.getTime() + 30 * 60_000).toISOString(),
    });
    expect(calls).toEqual([]);
    const { db } = await testDatabase();
    expect((await decidableApprovals(db, clock)).map((r) => r.id)).toContain(result.remediation.id);
  });

  it('cannot be decided by the requester (four-eyes), either way', async () => {
    const { db } = await testDatabase();
    const { remediation } = toRequestResult(await requestRestart('search'));
    for (const decision of ['approved', 'rejected'] as const) {
      const error = await refusal(decide(db, remediation.id, operator, decision, 'looks fine', deps));
      expect(httpStatusOf(error)).toBe(403);
      expect(error.message).toBe('four-eyes rule: the requester cannot approve or reject their own request');
    }
    expect((await findRemediation(db, remediation.id))!.status).toBe('pending_approval');
    expect(await brainRows(remediation.id)).toEqual([]);
  });
});

describe('rejecting', () => {
  it('needs a reason: the action input refuses a blank one, naming the field', () => {
    const id = randomUUID();
    for (const reason of ['', '   ']) {
      const parsed = rejectInput.safeParse({ id, reason });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ path: ['reason'], message: 'a rejection needs a reason' });
    }
    expect(rejectInput.safeParse({ id }).success).toBe(false);
    expect(rejectInput.safeParse({ id, reason: ' too risky now ' }).data).toEqual({ id, reason: 'too risky now' });
  });

  it('records who and why, as remediation_approval, and never runs it', async () => {
    const { db } = await testDatabase();
    const { remediation } = toRequestResult(await requestRestart('catalog'));
    const decided = toDecisionResult('rejected', await decide(db, remediation.id, approver, 'rejected', 'peak traffic', deps));
    expect(decided).toMatchObject({
      decision: 'rejected',
      result: null,
      remediation: { status: 'rejected', decided_by: 'approver@example.com', decision_reason: 'peak traffic', started_at: null },
    });
    const rows = await brainRows(remediation.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actionType: 'remediation_approval',
      status: 'rejected',
      metadata: { component: 'catalog', decided_by: 'approver@example.com', reason: 'peak traffic', decision: 'rejected' },
    });
    expect(calls.filter((c) => c.includes('srv-catalog'))).toEqual([]);
    expect((await approvalHistory(db, { now: clock })).find((r) => r.id === remediation.id)?.decisionReason).toBe('peak traffic');
  });
});

describe('an expired proposal', () => {
  it('leaves the queue, is refused when approved, and never runs', async () => {
    const { db } = await testDatabase();
    const { remediation } = toRequestResult(await requestRestart('ledger'));
    later(31);
    expect((await decidableApprovals(db, clock)).map((r) => r.id)).not.toContain(remediation.id);
    const error = await refusal(decide(db, remediation.id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toBe(`remediation ${remediation.id} cannot be approved: it expired before the decision`);
    expect((await approvalHistory(db, { now: clock })).find((r) => r.id === remediation.id)?.status).toBe('expired');
    expect(calls.filter((c) => c.includes('srv-ledger'))).toEqual([]);
    expect(await brainRows(remediation.id)).toEqual([]);
  });
});

describe('two approvers approving at the same moment', () => {
  it('run it exactly once; the other is told it is already decided', async () => {
    const { db } = await testDatabase();
    const { remediation } = toRequestResult(await requestRestart('mailer'));
    const settled = await Promise.allSettled([
      decide(db, remediation.id, approver, 'approved', null, deps),
      decide(db, remediation.id, approver2, 'approved', null, deps),
    ]);
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s) => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const loser = (lost[0] as PromiseRejectedResult).reason as DomainError;
    expect(httpStatusOf(loser)).toBe(409);
    expect(loser.message).toMatch(/cannot be approved: it was already approved by approver2?@example\.com \(now (approved|executing|succeeded)\)$/);

    const winner = toDecisionResult('approved', (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof decide>>>).value);
    expect(winner.remediation.status).toBe('succeeded');
    expect(winner.result).toMatchObject({ success: true, service_id: 'srv-mailer', status_code: 200 });
    expect(calls.filter((c) => c === 'restart srv-mailer')).toHaveLength(1);
    const rows = await brainRows(remediation.id);
    expect(rows.map((r) => r.actionType).sort()).toEqual(['remediation_approval', 'service_restart']);
  });
});

describe('a low-risk action', () => {
  it('runs at once and reaches the browser with the card result; a repeat inside the cooldown is refused with when it clears', async () => {
    const result = toRequestResult(await requestRestart('sandbox'));
    expect(result).toMatchObject({
      kind: 'executed',
      success: true,
      error: null,
      result: { success: true, service_id: 'srv-sandbox', status_code: 200, message: 'Service restart initiated' },
      remediation: { status: 'succeeded', risk: 'low', decided_by: 'policy' },
    });
    later(3);
    const error = await refusal(requestRestart('sandbox'));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.code).toBe('guardrail');
    expect(error.message).toMatch(/^restart of sandbox ran at \S+; cooldown of 10 min until \S+$/);
    expect(error.details).toMatchObject({ guardrail: 'cooldown', clears_at: new Date(clock.getTime() + 7 * 60_000).toISOString() });
    expect(calls.filter((c) => c === 'restart srv-sandbox')).toHaveLength(1);
  });
});

describe('what the browser may send', () => {
  it('names a remediation by UUID and a component by its name, and never chooses the service', () => {
    expect(approveInput.safeParse({ id: 'not-a-uuid' }).error!.issues[0]!.path).toEqual(['id']);
    expect(actionRequestInput.safeParse({ action: 'restart', component: 'Bad Name' }).error!.issues[0]!.path).toEqual(['component']);
    expect(actionRequestInput.safeParse({ action: 'restart', component: 'orders', params: { service_id: 'srv-other' } }).success).toBe(false);
    expect(actionRequestInput.safeParse({ action: 'reboot', component: 'orders' }).error!.issues[0]!.path).toEqual(['action']);
    expect(
      actionRequestInput.safeParse({ action: 'rollback', component: 'orders', params: { rollback_type: 'yesterday' } }).error!.issues[0]!.path,
    ).toEqual(['params', 'rollback_type']);
    expect(actionRequestInput.safeParse({ action: 'rollback', component: 'orders', params: { rollback_type: 'config' }, note: ' bad deploy ' }).data).toEqual({
      action: 'rollback',
      component: 'orders',
      params: { rollback_type: 'config', service_id: null },
      note: 'bad deploy',
    });
  });
});

describe('a production rollback', () => {
  it('requested by one approver is approved by another and rolls the deployment back once', async () => {
    const { db } = await testDatabase();
    const outcome = await requestRemediation(
      db,
      { component: 'stocks', action: 'rollback', params: { rollback_type: 'deployment' }, reason: 'bad deploy', requester: approver },
      deps,
    );
    const { remediation } = toRequestResult(outcome);
    expect(remediation.status).toBe('pending_approval');
    const decided = toDecisionResult('approved', await decide(db, remediation.id, approver2, 'approved', 'confirmed in the logs', deps));
    expect(decided.result).toMatchObject({ success: true, rollback_type: 'deployment', to_state: { deploy_id: 'dep-1' } });
    expect(decided.remediation).toMatchObject({ status: 'succeeded', decided_by: 'approver2@example.com', decision_reason: 'confirmed in the logs' });
    expect(calls.filter((c) => c === 'rollback srv-stocks')).toHaveLength(1);
    const types = (await brainRows(remediation.id)).map((r) => r.actionType).sort();
    expect(types).toEqual(['automatic_rollback', 'remediation_approval']);
  });
});

describe('four-eyes across channels and a policy changed meanwhile', () => {
  it('a person cannot approve through their own token what they asked for in the browser, nor the reverse', async () => {
    const { db } = await testDatabase();
    const sameUser = randomUUID();
    const inBrowser: Actor = { kind: 'user', name: 'dual@example.com', userId: sameUser };
    const theirToken: Actor = { kind: 'token', name: 'dual-laptop', userId: sameUser };
    for (const name of ['dual-a', 'dual-b']) await upsertComponentConfig(db, name, { render_service_id: `srv-${name}` }, 'test');
    const first = toRequestResult(await requestRestart('dual-a', inBrowser)).remediation;
    expect(httpStatusOf(await refusal(decide(db, first.id, theirToken, 'approved', null, deps)))).toBe(403);
    const second = toRequestResult(await requestRestart('dual-b', theirToken)).remediation;
    expect(httpStatusOf(await refusal(decide(db, second.id, inBrowser, 'approved', null, deps)))).toBe(403);
    expect(calls.filter((c) => c.includes('srv-dual'))).toEqual([]);
  });

  it('an approval cannot run what an admin has since set to "never" (409), and nothing is recorded', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'frozen', { render_service_id: 'srv-frozen' }, 'test');
    const { remediation } = toRequestResult(await requestRestart('frozen'));
    await upsertComponentConfig(db, 'frozen', { policy: 'never' }, 'admin');
    const error = await refusal(decide(db, remediation.id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toContain('"never"');
    expect((await findRemediation(db, remediation.id))!.status).toBe('pending_approval');
    expect(await brainRows(remediation.id)).toEqual([]);
    expect(calls).not.toContain('restart srv-frozen');
  });
});
