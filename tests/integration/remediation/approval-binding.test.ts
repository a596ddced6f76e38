/**
 * Issue 13, items 5b, 6b, 8 and 9, on both databases:
 *   - one open request per component and action, from every path (the second is a
 *     409 naming the first), held by the database too, and the migration that made
 *     room for the index;
 *   - an approval that loses to the expiry is a 409;
 *   - whoever sent the samples behind a proposal cannot approve it;
 *   - an approval binds to the target and risk the approver saw, and execution
 *     acts on the stored target.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { POST as postApprove } from '@/app/api/v1/approvals/[id]/approve/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { insertApiToken } from '@/db/queries/api-tokens';
import { recentConfigs } from '@/db/queries/component-history';
import { findComponentByName, upsertComponentConfig } from '@/db/queries/components';
import { expirePending, findRemediation, insertRemediation } from '@/db/queries/remediations';
import { insertUser } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { httpStatusOf } from '@/lib/api/errors';
import { DomainError } from '@/lib/healing/domain-error';
import { generateApiToken } from '@/lib/auth/api-token';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { decide } from '@/lib/remediation/decide';
import { actorFromUser } from '@/lib/remediation/deps';
import { executeRemediation } from '@/lib/remediation/execute';
import { remediationView } from '@/lib/remediation/present';
import { reconcileOnce, type ReconcilerDeps } from '@/lib/remediation/reconciler';
import { requestRemediation } from '@/lib/remediation/request';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import type { Actor } from '@/lib/remediation/types';
import { runHealthCheck } from '@/lib/services/health-check';
import { createRng, DEMO_SCENARIOS } from '@/lib/simulator/scenarios';
import { call, testDatabase } from '../../helpers/api';
import { countingRender } from '../../support/counting-render';
import { fakeRegistry, registeredServices } from '../../support/fake-executors';

// Render's stand-in counts what it was asked to do: "runs once" is about these calls.
const { calls, render } = countingRender();

// Days in the past: the API refuses samples from the future, and each test moves the clock on by hours.
let clock = Date.now() - 10 * 24 * 60 * 60_000;
const deps: ReconcilerDeps = {
  settings: remediationSettingsFromEnv({}),
  triggers: DEFAULT_HEALING_TRIGGERS,
  now: () => new Date(clock),
  executors: fakeRegistry(registeredServices(render), {
    cleanup: (component) => (component.cleanupUrl ? { executor: { cleanup: async () => ({ success: true, status_code: 200, message: 'cleaned', attempts: 1, memory_freed_mb: 1, objects_collected: 1, current_memory_mb: 1 }) }, url: component.cleanupUrl, secret: 's3cret' } : null),
  }),
};

const person = (email: string): Actor => ({ kind: 'user', name: email, userId: randomUUID() });
const operator = person('operator@example.com');
const approver = person('approver@example.com');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function restartOf(component: string, requester: Actor = operator) {
  const { db } = await testDatabase();
  return requestRemediation(db, { component, action: 'restart', params: {}, reason: 'latency climbing', requester }, deps);
}

async function pendingId(outcome: Awaited<ReturnType<typeof restartOf>>): Promise<string> {
  expect(outcome.kind).toBe('pending');
  return outcome.kind === 'pending' ? outcome.remediation.id : '';
}

async function createPerson(email: string, role: User['role']): Promise<User> {
  const { db } = await testDatabase();
  return insertUser(db, { email, role });
}

async function tokenOf(user: User, role: User['role'], name: string): Promise<string> {
  const { db } = await testDatabase();
  const secret = generateApiToken();
  await insertApiToken(db, { name, role, publicId: secret.publicId, secretHash: secret.secretHash, createdBy: user.id });
  return secret.token;
}

beforeEach(() => {
  calls.length = 0;
  clock += 6 * 60 * 60_000; // each test in its own hours, outside the others' guardrail windows
});

describe('one open request per component and action (5b)', () => {
  beforeAll(async () => {
    const { db } = await testDatabase();
    for (const name of ['one-open', 'one-open-race', 'one-open-lapsed', 'one-open-reconciler']) {
      await upsertComponentConfig(db, name, { render_service_id: `srv-${name}` }, 'test');
    }
  });

  it('a person’s second restart is a 409 naming the first and linking to it; another action is still allowed', async () => {
    const first = await pendingId(await restartOf('one-open'));
    const error = await refusal(restartOf('one-open', person('other@example.com')));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toBe(`restart of one-open is already open: remediation ${first} (pending_approval); decide or wait for that one first`);
    expect(error.details).toEqual({ open_remediation: { id: first, status: 'pending_approval', link: `/approvals#${first}` } });
    const { db } = await testDatabase();
    const rollback = await requestRemediation(
      db,
      { component: 'one-open', action: 'rollback', params: { rollback_type: 'deployment' }, reason: 'bad deploy', requester: operator },
      deps,
    );
    expect(rollback.kind).toBe('pending');
  });

  it('two requests at once (concurrent transactions on PostgreSQL): one waits for approval, the other is a 409 naming it', async () => {
    const results = await Promise.allSettled([restartOf('one-open-race'), restartOf('one-open-race', person('b@example.com'))]);
    const pending = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(pending).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const id = (pending[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof restartOf>>>).value;
    expect(refused[0]!.reason).toBeInstanceOf(DomainError);
    expect((refused[0]!.reason as DomainError).details).toMatchObject({ open_remediation: { id: id.kind === 'pending' && id.remediation.id } });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery(`select 1 from remediations r join components c on c.id = r.component_id where c.name = 'one-open-race'`);
    expect(rows).toHaveLength(1);
  });

  it('a proposal past its expiry that the sweep has not reached yet does not block: it is expired and the new one waits', async () => {
    const first = await pendingId(await restartOf('one-open-lapsed'));
    clock += 31 * 60_000;
    const second = await pendingId(await restartOf('one-open-lapsed', person('later@example.com')));
    const { db } = await testDatabase();
    expect((await findRemediation(db, first))!.status).toBe('expired');
    expect((await findRemediation(db, second))!.status).toBe('pending_approval');
  });

  it('the reconciler adds nothing while a person’s restart is open, and a person is refused while the reconciler’s is', async () => {
    const { db } = await testDatabase();
    const scenario = DEMO_SCENARIOS.find((s) => s.component === 'search-service')!;
    const rng = createRng(7);
    for (let s = 40; s >= 0; s--) {
      const at = 44 * 60 - s * 30;
      await runHealthCheck(db, 'one-open-reconciler', { ...scenario.sample(at, rng), timestamp: new Date(clock - s * 30_000) }, { triggers: DEFAULT_HEALING_TRIGGERS });
    }
    const counts = await reconcileOnce(db, deps);
    expect(counts).toMatchObject({ proposed: 1, queued: 1 });
    const error = await refusal(restartOf('one-open-reconciler'));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toContain('restart of one-open-reconciler is already open');
    expect((await reconcileOnce(db, deps)).proposed).toBe(0);
  });

  it('the database holds the rule against any writer: a second open row for the same component and action is refused', async () => {
    const { db } = await testDatabase();
    const component = (await findComponentByName(db, 'one-open'))!;
    const row = { componentId: component.id, action: 'memory_cleanup' as const, risk: 'low' as const, reason: 'x', requestedByKind: 'user' as const, requestedBy: 'a' };
    await insertRemediation(db, { ...row, status: 'approved' });
    await insertRemediation(db, { ...row, status: 'succeeded' }); // closed ones do not count
    const error = await insertRemediation(db, { ...row, status: 'proposed' }).then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error).not.toBeNull();
    expect((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code).toBe('23505');
  });

  it('the migration closes existing duplicates (keeping the one furthest along) so the index can be created', async () => {
    const { db, rawQuery } = await testDatabase();
    const component = (await upsertComponentConfig(db, 'dup-legacy', {}, 'test')).component;
    await rawQuery(`drop index remediations_one_open_idx`);
    const insert = async (status: string, minutesAgo: number) => {
      const [row] = await rawQuery<{ id: string }>(
        `insert into remediations (component_id, action, risk, status, reason, requested_by_kind, requested_by, created_at)
         values ('${component.id}', 'restart', 'high', '${status}', 'dup', 'user', 'a@example.com', now() - interval '${minutesAgo} minutes') returning id`,
      );
      return row!.id;
    };
    const older = await insert('pending_approval', 30);
    const approved = await insert('approved', 10);
    const proposed = await insert('proposed', 5);
    const closed = await insert('succeeded', 60);
    const migration = (file: string) => readFileSync(new URL(`../../../drizzle/${file}`, import.meta.url), 'utf8');
    await rawQuery(migration('0007_close_duplicate_open_remediations.sql'));
    // The next migration's index statement (the rest of it, new columns, is already applied).
    const createIndex = migration('0008_one_open_remediation_evidence_senders_and_target.sql')
      .split('--> statement-breakpoint')
      .find((statement) => statement.includes('remediations_one_open_idx'));
    expect(createIndex).toBeDefined();
    await rawQuery(createIndex!);
    const rows = await rawQuery<{ id: string; status: string; error: string | null }>(
      `select id, status, error from remediations where component_id = '${component.id}'`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[approved]).toMatchObject({ status: 'approved', error: null });
    expect(byId[older]).toMatchObject({ status: 'expired', error: expect.stringContaining(`remediation ${approved} is the open one`) });
    expect(byId[proposed]).toMatchObject({ status: 'expired' });
    expect(byId[closed]).toMatchObject({ status: 'succeeded', error: null });
  });
});

describe('an approval that loses to the expiry (6b)', () => {
  it('is a 409 saying it expired, never a server error, and nothing runs', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'expiring', { render_service_id: 'srv-expiring' }, 'test');
    const id = await pendingId(await restartOf('expiring'));
    clock += 31 * 60_000;
    expect((await expirePending(db, new Date(clock))).map((r) => r.id)).toContain(id);
    const error = await refusal(decide(db, id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toBe(`remediation ${id} cannot be approved: it expired before the decision`);
    expect(calls).toEqual([]);
  });
});

describe('four-eyes on the evidence (8)', () => {
  // The approve route decides on the real clock: the proposal must still be within its expiry then.
  beforeEach(() => {
    clock = Date.now() - 60_000;
  });

  it('an approver who posted the breaching samples with an operator token cannot approve the reconciler’s restart; another approver can', async () => {
    const { db } = await testDatabase();
    const sender = await createPerson('sender-approver@example.com', 'approver');
    const ingest = await tokenOf(sender, 'operator', 'sender-ingest');
    const own = await tokenOf(sender, 'approver', 'sender-approvals');
    const component = 'evidence-prod';
    await upsertComponentConfig(db, component, { environment: 'production', render_service_id: 'srv-evidence' }, 'test');

    // The approver's ingest token posts a CPU ramp: a batch of history, then the check.
    const scenario = DEMO_SCENARIOS.find((s) => s.component === 'search-service')!;
    const rng = createRng(7);
    const at = 44 * 60;
    const samples = [];
    for (let s = 120; s >= 1; s--) {
      samples.push({ component, timestamp: new Date(clock - s * 30_000).toISOString(), ...scenario.sample(at - s * 30, rng) });
    }
    expect((await call(postMetrics, { token: ingest, body: { samples } })).status).toBe(200);
    const checked = await call(postHealth, {
      params: { name: component },
      token: ingest,
      body: { ...scenario.sample(at, rng), timestamp: new Date(clock).toISOString() },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.failure_prediction.level).toBe('critical');

    expect(await reconcileOnce(db, deps)).toMatchObject({ proposed: 1, queued: 1 });
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ id: string; requested_by: string }>(
      `select r.id, r.requested_by from remediations r join components c on c.id = r.component_id where c.name = '${component}'`,
    );
    expect(row!.requested_by).toBe('reconciler');

    // Through the API with their approver token, and as themself in the browser: 403, saying why.
    const byToken = await call(postApprove, { params: { id: row!.id }, token: own });
    expect(byToken.status).toBe(403);
    expect(byToken.body.message).toBe('four-eyes rule: you sent the evidence behind this request, so another approver must approve it');
    const inBrowser = await refusal(decide(db, row!.id, actorFromUser({ id: sender.id, email: sender.email, role: 'approver' } as never), 'approved', null, deps));
    expect(httpStatusOf(inBrowser)).toBe(403);
    expect(inBrowser.message).toContain('you sent the evidence behind this request');
    expect((await findRemediation(db, row!.id))!.status).toBe('pending_approval');
    expect(calls).toEqual([]);
    // The card names who sent the evidence.
    expect(remediationView((await findRemediation(db, row!.id))!).evidence_senders).toEqual([{ name: 'sender-ingest', user_id: sender.id }]);

    const decided = await decide(db, row!.id, approver, 'approved', null, deps);
    expect(decided.remediation.status).toBe('succeeded');
    expect(calls).toEqual(['restart srv-evidence']);
  });

  it('samples sent by batch count as evidence even when someone else (here the console) made the check', async () => {
    const { db } = await testDatabase();
    const sender = await createPerson('batch-sender@example.com', 'operator');
    const ingest = await tokenOf(sender, 'operator', 'batch-ingest');
    const component = 'evidence-batch';
    const samples = [0, 1, 2].map((i) => ({ component, timestamp: new Date(clock - (3 - i) * 30_000).toISOString(), cpu_usage: 50, memory_usage: 50, error_rate: 0.01, latency_ms: 100 }));
    expect((await call(postMetrics, { token: ingest, body: { samples } })).status).toBe(200);
    await runHealthCheck(db, component, { cpu_usage: 50, memory_usage: 50, error_rate: 0.01, latency_ms: 100, timestamp: new Date(clock) }, { triggers: DEFAULT_HEALING_TRIGGERS });
    const { rawQuery } = await testDatabase();
    const [check] = await rawQuery<{ evidence_senders: unknown }>(
      `select h.evidence_senders from health_checks h join components c on c.id = h.component_id where c.name = '${component}'`,
    );
    expect(check!.evidence_senders).toEqual([{ name: 'batch-ingest', user_id: sender.id }]);
  });
});

describe('an approval binds to what the approver saw (9)', () => {
  it('a config rollback is refused when an admin changed the config after the request, and the admin’s routing stays', async () => {
    const { db } = await testDatabase();
    const name = 'bound-config';
    await upsertComponentConfig(db, name, { environment: 'production', render_service_id: 'srv-v1' }, 'admin@example.com');
    await upsertComponentConfig(db, name, { thresholds: { cpu_usage: { warning: 70, critical: 90 } } as never }, 'operator@example.com');
    const [v2, v1] = await recentConfigs(db, (await findComponentByName(db, name))!.id, 2);
    const requested = await requestRemediation(
      db,
      { component: name, action: 'rollback', params: { rollback_type: 'config' }, reason: 'thresholds too tight', requester: operator },
      deps,
    );
    expect(requested.kind).toBe('pending');
    const id = requested.kind === 'pending' ? requested.remediation.id : '';

    // An admin re-routes the component after the request.
    await upsertComponentConfig(db, name, { render_service_id: 'srv-v2' }, 'admin@example.com');
    const [v3] = await recentConfigs(db, (await findComponentByName(db, name))!.id, 1);
    const error = await refusal(decide(db, id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toContain('what it would act on changed since it was requested');
    expect(error.message).toContain(`config_version ${v1!.id} → ${v2!.id}`);
    expect(error.message).toContain(`from_config_version ${v2!.id} → ${v3!.id}`);
    expect((await findComponentByName(db, name))!.renderServiceId).toBe('srv-v2');
    expect((await findRemediation(db, id))!.status).toBe('pending_approval');
    // What the card showed: the version it would restore and the one it would replace.
    expect(remediationView((await findRemediation(db, id))!).target).toEqual({ rollback_type: 'config', config_version: v1!.id, from_config_version: v2!.id });

  });

  it('a restart is refused when the component’s service changed after the request; nothing is restarted', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'bound-restart', { render_service_id: 'srv-old' }, 'test');
    const id = await pendingId(await restartOf('bound-restart'));
    await upsertComponentConfig(db, 'bound-restart', { render_service_id: 'srv-new' }, 'admin@example.com');
    const error = await refusal(decide(db, id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toContain('service_id srv-old → srv-new');
    expect(calls).toEqual([]);
    expect((await findRemediation(db, id))!.target).toEqual({ service_id: 'srv-old', executor: 'render' });

  });

  it('a restart is refused when its risk changed since the request (production → staging)', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'bound-risk', { render_service_id: 'srv-risk' }, 'test');
    const id = await pendingId(await restartOf('bound-risk'));
    await upsertComponentConfig(db, 'bound-risk', { environment: 'staging' }, 'admin@example.com');
    const error = await refusal(decide(db, id, approver, 'approved', null, deps));
    expect(httpStatusOf(error)).toBe(409);
    expect(error.message).toContain('risk high → low');
    expect(calls).toEqual([]);
  });

  it('execution acts on the stored config version: an approved rollback whose config moved on fails without restoring anything', async () => {
    const { db } = await testDatabase();
    const name = 'bound-execution';
    const { component } = await upsertComponentConfig(db, name, { environment: 'staging' }, 'test');
    await upsertComponentConfig(db, name, { thresholds: { latency_ms: { warning: 500, critical: 900 } } as never }, 'test');
    const [v2, v1] = await recentConfigs(db, component.id, 2);
    const row = await insertRemediation(db, {
      componentId: component.id,
      action: 'rollback',
      params: { rollback_type: 'config' },
      target: { rollback_type: 'config', config_version: v1!.id, from_config_version: v2!.id },
      risk: 'low',
      status: 'approved',
      reason: 'x',
      requestedByKind: 'user',
      requestedBy: 'a@example.com',
    });
    await upsertComponentConfig(db, name, { render_service_id: 'srv-admin' }, 'admin@example.com');
    const result = await executeRemediation(db, row.id, deps);
    expect(result.remediation.status).toBe('failed');
    expect(result.remediation.error).toContain(`changed since this rollback was requested`);
    expect((await findComponentByName(db, name))!.renderServiceId).toBe('srv-admin');
  });

  it('a cleanup’s target names the hook without its credentials or query', async () => {
    const { db } = await testDatabase();
    await upsertComponentConfig(db, 'bound-hook', { environment: 'staging', cleanup_url: 'http://hookuser:hookpw@hook.test/cleanup?key=abc123' }, 'test');
    const outcome = await requestRemediation(db, { component: 'bound-hook', action: 'memory_cleanup', params: {}, reason: 'leak', requester: operator }, deps);
    expect(outcome.kind).toBe('executed');
    const view = remediationView(outcome.kind === 'executed' ? outcome.execution.remediation : (undefined as never));
    expect(view.target).toEqual({ hook: 'http://hook.test/cleanup' });
    expect(JSON.stringify(view)).not.toMatch(/hookpw|abc123/);
  });
});
