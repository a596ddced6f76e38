/**
 * The remediation endpoints end to end, in-process, against a local stand-in
 * for Render's API: exact requests for each action, 200 for low risk, 202 for
 * high risk, 409 for guardrails, and 4xx with no side effect for bad input.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postCleanup } from '@/app/api/v1/components/[name]/memory-leaks/cleanup/route';
import { POST as postRestart } from '@/app/api/v1/components/[name]/restart/route';
import { POST as postRollback } from '@/app/api/v1/components/[name]/rollback/route';
import { GET as getApprovals } from '@/app/api/v1/approvals/route';
import { POST as postApprove } from '@/app/api/v1/approvals/[id]/approve/route';
import { POST as postReject } from '@/app/api/v1/approvals/[id]/reject/route';
import { GET as getRemediation } from '@/app/api/v1/remediations/[id]/route';
import { GET as listRemediations } from '@/app/api/v1/remediations/route';
import { POST as postRecover } from '@/app/api/v1/db/recover/route';
import { recentStates, recordComponentState } from '@/db/queries/component-history';
import { findComponentByName } from '@/db/queries/components';
import { setAutomationPaused } from '@/db/queries/settings';
import { recoverDatabaseConnection } from '@/lib/remediation/db-recovery';
import { standInService, startRenderStandIn, type RenderStandIn } from '../../support/render-stand-in';
import { call, createTestToken, tableCounts, testDatabase } from '../../helpers/api';

let render: RenderStandIn;
/** Bodies POSTed to the approval webhook (a Slack stand-in). */
const webhook: { server?: Server; posts: unknown[] } = { posts: [] };
let operator: string;
let approver: string;
let viewer: string;
let admin: string;

const deploys = () => [
  { id: 'dep-3', status: 'live', commit: { id: 'c3' } },
  { id: 'dep-2', status: 'build_failed', commit: { id: 'c2' } },
  { id: 'dep-1', status: 'deactivated', commit: { id: 'c1' } },
];

beforeAll(async () => {
  render = await startRenderStandIn({
    apiKey: 'rnd_test_key',
    services: { 'srv-staging1': { deploys: deploys() }, 'srv-prod1': { deploys: deploys() }, 'srv-other9': { deploys: deploys() } },
  });
  webhook.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      webhook.posts.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.server!.listen(0, '127.0.0.1', resolve));
  // Read once by the remediation wiring on its first use, below.
  process.env.SLACK_WEBHOOK_URL = `http://127.0.0.1:${(webhook.server.address() as AddressInfo).port}/hook`;
  process.env.CONSOLE_URL = 'https://console.example.com';
  process.env.RENDER_API_URL = render.url;
  process.env.RENDER_API_KEY = 'rnd_test_key';
  operator = await createTestToken('operator', 'ci-operator');
  approver = await createTestToken('approver', 'ci-approver');
  viewer = await createTestToken('viewer', 'ci-viewer');
  admin = await createTestToken('admin', 'ci-admin');
  await call(putComponent, { method: 'PUT', params: { name: 'shop-staging' }, token: admin, body: { environment: 'staging', render_service_id: 'srv-staging1' } });
  await call(putComponent, { method: 'PUT', params: { name: 'shop-prod' }, token: admin, body: { environment: 'production', render_service_id: 'srv-prod1' } });
});
afterAll(async () => {
  await render.close();
  webhook.server?.close();
});
beforeEach(() => render.reset());

describe('restart', () => {
  it('low risk (staging): runs at once against Render and answers the card shape', async () => {
    const res = await call(postRestart, { params: { name: 'shop-staging' }, token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      service_id: 'srv-staging1',
      component: 'shop-staging',
      status_code: 200,
      message: 'Service restart initiated',
      remediation: { status: 'succeeded', risk: 'low', action: 'restart', requested_by: 'ci-operator' },
    });
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/services/srv-staging1/restart']);
    expect(render.requests[0]!.headers.authorization).toBe('Bearer rnd_test_key');
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ status: string; component: string }>(
      `select status, metadata->>'component' as component from unified_brain where action_type = 'service_restart'`,
    );
    expect(rows).toEqual([{ status: 'success', component: 'shop-staging' }]);
  });

  it('the cooldown refuses a second restart with 409 naming the guardrail and when it clears', async () => {
    const res = await call(postRestart, { params: { name: 'shop-staging' }, token: operator });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'guardrail', guardrail: 'cooldown', clears_at: expect.any(String) });
    expect(res.body.message).toContain('cooldown');
    expect(render.requests).toHaveLength(0);
  });

  it('high risk (production): answers 202 with the pending remediation; nothing reaches Render', async () => {
    const res = await call(postRestart, { params: { name: 'shop-prod' }, token: operator });
    expect(res.status).toBe(202);
    expect(res.body.remediation).toMatchObject({ status: 'pending_approval', risk: 'high', component: 'shop-prod' });
    expect(render.requests).toHaveLength(0);
    // The approvers' channel hears of it (sent after the answer), with a link to the queue.
    await vi.waitFor(() => expect(JSON.stringify(webhook.posts)).toContain(res.body.remediation.id));
    expect(JSON.stringify(webhook.posts.at(-1))).toContain(`https://console.example.com/approvals#${res.body.remediation.id}`);
    expect(JSON.stringify(webhook.posts.at(-1))).toContain('shop-prod');
    const queue = await call(getApprovals, { token: viewer });
    expect(queue.body.approvals.map((a: { id: string }) => a.id)).toContain(res.body.remediation.id);
  });

  it('a Render failure is surfaced with Render’s message and recorded as a failure', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'ghost' }, token: admin, body: { environment: 'dev', render_service_id: 'srv-missing1' } });
    const res = await call(postRestart, { params: { name: 'ghost' }, token: operator });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(false);
    expect(res.body.message).toContain('service not found');
    expect(res.body.remediation.status).toBe('failed');
    expect(render.requests).toHaveLength(1); // 404 is not retried
  });
});

describe('risk follows what a request really hits', () => {
  it('a staging restart aimed at another Render service waits for an approver (202) and nothing reaches Render', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'side-door' }, token: admin, body: { environment: 'staging', render_service_id: 'srv-staging1' } });
    const res = await call(postRestart, { params: { name: 'side-door' }, token: operator, body: { service_id: 'srv-prod1' } });
    expect(res.status).toBe(202);
    expect(res.body.remediation).toMatchObject({ status: 'pending_approval', risk: 'high' });
    expect(res.body.remediation.evidence.policy).toContain('srv-prod1');
    expect(render.requests).toHaveLength(0);
  });

  it('a config rollback that would move a component back out of production waits for an approver', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'promoted' }, token: admin, body: { environment: 'dev', policy: 'auto' } });
    await call(putComponent, { method: 'PUT', params: { name: 'promoted' }, token: admin, body: { environment: 'qa' } });
    const res = await call(postRollback, { params: { name: 'promoted' }, token: operator, body: { rollback_type: 'config' } });
    expect(res.status).toBe(202);
    expect(res.body.remediation.evidence.policy).toContain('environment');
  });
});

describe('approval by token', () => {
  it('four-eyes: the requesting token cannot approve; another approver can, and it runs once', async () => {
    // Its own component: an earlier test left shop-prod's restart open, and only one may be.
    await call(putComponent, { method: 'PUT', params: { name: 'shop-prod-4eyes' }, token: admin, body: { environment: 'production', render_service_id: 'srv-other9' } });
    const requested = await call(postRestart, { params: { name: 'shop-prod-4eyes' }, token: approver });
    expect(requested.status).toBe(202);
    const id = requested.body.remediation.id;
    const own = await call(postApprove, { params: { id }, token: approver });
    expect(own.status).toBe(403);
    expect(own.body.message).toContain('four-eyes');

    render.reset();
    const approved = await call(postApprove, { params: { id }, token: admin });
    expect(approved.status).toBe(200);
    expect(approved.body.remediation).toMatchObject({ status: 'succeeded', decided_by: 'ci-admin' });
    expect(render.requestsTo('restart')).toHaveLength(1);
    const again = await call(postApprove, { params: { id }, token: admin });
    expect(again.status).toBe(409);
    expect(render.requestsTo('restart')).toHaveLength(1);
    const fetched = await call(getRemediation, { params: { id }, token: viewer });
    expect(fetched.body.status).toBe('succeeded');
  });

  it('reject needs a reason, records it, and nothing runs', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'shop-prod2' }, token: admin, body: { environment: 'production', render_service_id: 'srv-other9' } });
    const requested = await call(postRestart, { params: { name: 'shop-prod2' }, token: operator });
    const id = requested.body.remediation.id;
    const noReason = await call(postReject, { params: { id }, token: approver, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].field).toBe('reason');
    const rejected = await call(postReject, { params: { id }, token: approver, body: { reason: 'deploy freeze' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.remediation).toMatchObject({ status: 'rejected', decision_reason: 'deploy freeze' });
    expect(render.requests).toHaveLength(0);
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ decision: string; reason: string; decided_by: string; component: string }>(
      `select metadata->>'decision' as decision, metadata->>'reason' as reason, metadata->>'decided_by' as decided_by,
              metadata->>'component' as component
         from unified_brain where action_type = 'remediation_approval' and metadata->>'remediation_id' = '${id}'`,
    );
    expect(rows).toEqual([{ decision: 'rejected', reason: 'deploy freeze', decided_by: 'ci-approver', component: 'shop-prod2' }]);
  });

  it('a second restart while one is open is a 409 pointing at the first; once it ran, the cooldown refuses another', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'twice' }, token: admin, body: { environment: 'production', render_service_id: 'srv-other9' } });
    const first = await call(postRestart, { params: { name: 'twice' }, token: operator });
    expect(first.status).toBe(202);
    const second = await call(postRestart, { params: { name: 'twice' }, token: approver });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain(`remediation ${first.body.remediation.id} (pending_approval)`);
    expect(second.body.open_remediation).toEqual({
      id: first.body.remediation.id,
      status: 'pending_approval',
      link: `/approvals#${first.body.remediation.id}`,
    });
    const { rawQuery } = await testDatabase();
    const open = await rawQuery(`select r.id from remediations r join components c on c.id = r.component_id where c.name = 'twice'`);
    expect(open).toHaveLength(1);

    render.reset();
    expect((await call(postApprove, { params: { id: first.body.remediation.id }, token: approver })).status).toBe(200);
    const third = await call(postRestart, { params: { name: 'twice' }, token: operator });
    expect(third.status).toBe(409);
    expect(third.body.guardrail).toBe('cooldown');
    expect(render.requestsTo('restart')).toHaveLength(1);
  });

  it('an operator token cannot approve (403) and a viewer cannot request (403)', async () => {
    const requested = await call(postRestart, { params: { name: 'shop-prod2' }, token: operator });
    expect((await call(postApprove, { params: { id: requested.body.remediation.id }, token: operator })).status).toBe(403);
    expect((await call(postRestart, { params: { name: 'shop-prod2' }, token: viewer })).status).toBe(403);
  });
});

describe('rollback', () => {
  it('deployment: rolls back to the deploy before the live one, skipping a failed build, then turns auto-deploy off', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'shop-staging' }, token: admin, body: { policy: 'auto' } });
    const res = await call(postRollback, { params: { name: 'shop-staging' }, token: operator, body: { rollback_type: 'deployment' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      component: 'shop-staging',
      rollback_type: 'deployment',
      from_state: { deploy_id: 'dep-3' },
      to_state: { deploy_id: 'dep-1' },
      auto_deploy_disabled: true,
    });
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/services/srv-staging1/deploys',
      'POST /v1/services/srv-staging1/rollback',
      'PATCH /v1/services/srv-staging1',
    ]);
    expect(render.requestsTo('rollback')[0]!.body).toEqual({ deployId: 'dep-1' });
    expect(render.requestsTo('update')[0]!.body).toEqual({ autoDeploy: 'no' });
  });

  it('config: restores the previous configuration version but keeps the admin-only policy', async () => {
    // (shop-staging is in its rollback cooldown now.) History: dev + latency 800 (1), then an admin's latency 1200 + policy auto (2).
    const latency = (warning: number) => ({ latency_ms: { warning, critical: 5000 } });
    await call(putComponent, { method: 'PUT', params: { name: 'cfg-svc' }, token: admin, body: { environment: 'dev', thresholds: latency(800) } });
    await call(putComponent, { method: 'PUT', params: { name: 'cfg-svc' }, token: admin, body: { thresholds: latency(1200), policy: 'auto' } });
    const res = await call(postRollback, { params: { name: 'cfg-svc' }, token: operator, body: { rollback_type: 'config' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      from_state: { thresholds: latency(1200), policy: 'auto' },
      to_state: { environment: 'dev', thresholds: latency(800), policy: 'auto' },
    });
    const { rawQuery } = await testDatabase();
    expect(await rawQuery(`select environment, policy, thresholds from components where name = 'cfg-svc'`)).toEqual([
      { environment: 'dev', policy: 'auto', thresholds: latency(800) },
    ]);
    expect(render.requests).toHaveLength(0);
  });

  it('config: a previous version that differs only in its policy leaves nothing to restore', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'cfg-policy' }, token: admin, body: { environment: 'dev' } });
    await call(putComponent, { method: 'PUT', params: { name: 'cfg-policy' }, token: admin, body: { policy: 'auto' } });
    const res = await call(postRollback, { params: { name: 'cfg-policy' }, token: operator, body: { rollback_type: 'config' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, error: expect.stringContaining('only in its policy') });
    const { rawQuery } = await testDatabase();
    expect(await rawQuery(`select policy from components where name = 'cfg-policy'`)).toEqual([{ policy: 'auto' }]);
  });

  it('config: cleanup URL credentials stay on the component, never in the history, the answers or the audit log', async () => {
    const withCredentials = 'https://hook-user:hunter2-secret@hooks.internal/cleanup';
    const put = await call(putComponent, { method: 'PUT', params: { name: 'cred-svc' }, token: admin, body: { environment: 'dev', cleanup_url: withCredentials } });
    expect(put.body.cleanup_url).toBe('https://hooks.internal/cleanup');
    await call(putComponent, { method: 'PUT', params: { name: 'cred-svc' }, token: operator, body: { thresholds: { latency_ms: { warning: 800, critical: 1500 } } } });
    const res = await call(postRollback, { params: { name: 'cred-svc' }, token: operator, body: { rollback_type: 'config' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, to_state: { cleanup_url: 'https://hooks.internal/cleanup', thresholds: {} } });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const { rawQuery } = await testDatabase();
    // The hook still gets its credentials: the same URL is not overwritten by the history's copy.
    expect(await rawQuery(`select cleanup_url from components where name = 'cred-svc'`)).toEqual([{ cleanup_url: withCredentials }]);
    for (const table of ['component_configs', 'unified_brain', 'remediations']) {
      expect(await rawQuery(`select 1 from ${table} where ${table}::text like '%hunter2%'`)).toEqual([]);
    }
  });

  /** A staging component on its own stand-in service (its own cooldown), with recorded states oldest first. */
  async function renderComponent(name: string, serviceId: string, states: Record<string, unknown>[] = []) {
    render.services[serviceId] = standInService({ deploys: deploys() });
    await call(putComponent, { method: 'PUT', params: { name }, token: admin, body: { environment: 'staging', render_service_id: serviceId } });
    const { db } = await testDatabase();
    const component = (await findComponentByName(db, name))!;
    for (const state of states) await recordComponentState(db, component.id, state, 'test');
    return { db, component };
  }
  const newestFirst = async (db: Awaited<ReturnType<typeof testDatabase>>['db'], componentId: string) =>
    (await recentStates(db, componentId, 10)).map((s) => s.state.deploy_id);

  it('deployment: records the state it left and the one it restored (the left one only if not already the newest)', async () => {
    const { db, component } = await renderComponent('dep-states', 'srv-depstates1');
    const res = await call(postRollback, { params: { name: 'dep-states' }, token: operator, body: { rollback_type: 'deployment' } });
    expect(res.body).toMatchObject({ success: true, from_state: { deploy_id: 'dep-3' }, to_state: { deploy_id: 'dep-1' } });
    expect(await newestFirst(db, component.id)).toEqual(['dep-1', 'dep-3']);

    const seeded = await renderComponent('dep-states2', 'srv-depstates2', [{ deploy_id: 'dep-3', commit: 'c3', service_id: 'srv-depstates2' }]);
    await call(postRollback, { params: { name: 'dep-states2' }, token: operator, body: { rollback_type: 'deployment' } });
    expect(await newestFirst(seeded.db, seeded.component.id)).toEqual(['dep-1', 'dep-3']); // dep-3 not recorded twice
  });

  it('previous_state on a Render service: rolls back to the deploy the previous recorded state names, then turns auto-deploy off', async () => {
    const { db, component } = await renderComponent('state-svc', 'srv-state1', [
      { deploy_id: 'dep-1', commit: 'c1', service_id: 'srv-state1' },
      { deploy_id: 'dep-3', commit: 'c3', service_id: 'srv-state1' },
    ]);
    const res = await call(postRollback, { params: { name: 'state-svc' }, token: operator, body: { rollback_type: 'previous_state' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      rollback_type: 'previous_state',
      from_state: { deploy_id: 'dep-3' },
      to_state: { deploy_id: 'dep-1' },
      executor: 'render',
      service_id: 'srv-state1',
      auto_deploy_disabled: true,
      remediation: { status: 'succeeded' },
    });
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/services/srv-state1/rollback', 'PATCH /v1/services/srv-state1']);
    expect(render.requestsTo('rollback')[0]!.body).toEqual({ deployId: 'dep-1' });
    expect(render.requestsTo('update')[0]!.body).toEqual({ autoDeploy: 'no' });
    expect(render.services['srv-state1']!.autoDeploy).toBe('no');
    expect(await newestFirst(db, component.id)).toEqual(['dep-1', 'dep-3', 'dep-1']);
  });

  it.each([
    ['a state that names no deploy', 'state-nodeploy', 'srv-state2', [{ replicas: 2 }, { replicas: 4 }], 'names no Render deploy'],
    ['a deploy of another service', 'state-othersvc', 'srv-state3', [{ deploy_id: 'dep-1', service_id: 'srv-elsewhere' }, { deploy_id: 'dep-3' }], 'srv-elsewhere'],
  ])('previous_state that nothing can apply (%s): a clear 409 at request time, nothing recorded or sent', async (_label, name, serviceId, states, says) => {
    await renderComponent(name, serviceId, states);
    const before = await tableCounts();
    const res = await call(postRollback, { params: { name }, token: operator, body: { rollback_type: 'previous_state' } });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(says);
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });

  it('previous_state of a component with no Render service and no simulator: a clear 409 at request time', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'state-plain' }, token: admin, body: { environment: 'dev' } });
    const { db } = await testDatabase();
    const component = (await findComponentByName(db, 'state-plain'))!;
    await recordComponentState(db, component.id, { version: 'v1' }, 'test');
    await recordComponentState(db, component.id, { version: 'v2' }, 'test');
    const before = await tableCounts();
    const res = await call(postRollback, { params: { name: 'state-plain' }, token: operator, body: { rollback_type: 'previous_state' } });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('state-plain has no render_service_id, and nothing else can re-apply a recorded state');
    expect(await tableCounts()).toEqual(before);
  });

  it('previous_state with no recorded earlier state is a clear 409 and records nothing', async () => {
    const before = await tableCounts();
    const res = await call(postRollback, { params: { name: 'shop-prod' }, token: operator, body: { rollback_type: 'previous_state' } });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('no previous state recorded for shop-prod');
    expect(await tableCounts()).toEqual(before);
  });
});

describe('memory-leak cleanup', () => {
  it('with too few points: no leak, nothing cleaned, says why', async () => {
    const res = await call(postCleanup, { params: { name: 'shop-staging' }, token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, leak_detected: false, memory_freed_mb: 0 });
    expect(res.body.reason).toContain('at least 10');
  });
});

describe('bad input: 4xx, a message naming the field, nothing stored, nothing sent to Render', () => {
  const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
    ['unknown component', () => call(postRestart, { params: { name: 'nope' }, token: operator }), 404, 'nope'],
    ['bad component name', () => call(postRestart, { params: { name: 'Bad Name' }, token: operator }), 400, 'name'],
    ['unknown rollback type', () => call(postRollback, { params: { name: 'shop-prod' }, token: operator, body: { rollback_type: 'yesterday' } }), 400, 'rollback_type'],
    ['missing rollback type', () => call(postRollback, { params: { name: 'shop-prod' }, token: operator, body: {} }), 400, 'rollback_type'],
    ['service_id of the wrong type', () => call(postRestart, { params: { name: 'shop-prod' }, token: operator, body: { service_id: 42 } }), 400, 'service_id'],
    ['service_id not a Render id', () => call(postRestart, { params: { name: 'shop-prod' }, token: operator, body: { service_id: '../x' } }), 400, 'service_id'],
    ['unknown field', () => call(postRestart, { params: { name: 'shop-prod' }, token: operator, body: { force: true } }), 400, 'force'],
    ['array body', () => call(postRollback, { params: { name: 'shop-prod' }, token: operator, body: [] }), 400, 'body'],
    ['malformed JSON', () => call(postRollback, { params: { name: 'shop-prod' }, token: operator, body: '{"rollback_type":' }), 400, 'body'],
    ['no token', () => call(postRestart, { params: { name: 'shop-prod' } }), 401, 'Authorization'],
    ['bad remediation id', () => call(postApprove, { params: { id: 'not-a-uuid' }, token: approver }), 400, 'id'],
    ['unknown remediation', () => call(postApprove, { params: { id: '00000000-0000-4000-8000-000000000000' }, token: approver }), 404, '00000000'],
  ];
  it.each(cases)('%s', async (_label, send, status, mentions) => {
    const before = await tableCounts();
    const res = await send();
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toContain(mentions);
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });

  it('missing service id: a component without render_service_id cannot be restarted', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'no-render' }, token: admin, body: { environment: 'dev' } });
    const before = await tableCounts();
    const res = await call(postRestart, { params: { name: 'no-render' }, token: operator });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].field).toBe('service_id');
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });
});

describe('pause and db recovery', () => {
  it('the global pause stops machine-requested actions with 409 paused', async () => {
    const { db } = await testDatabase();
    await call(putComponent, { method: 'PUT', params: { name: 'paused-svc' }, token: admin, body: { environment: 'dev', render_service_id: 'srv-other9' } });
    await setAutomationPaused(db, true, 'test');
    try {
      const res = await call(postRestart, { params: { name: 'paused-svc' }, token: operator });
      expect(res.status).toBe(409);
      expect(res.body.guardrail).toBe('paused');
      expect(render.requests).toHaveLength(0);
    } finally {
      await setAutomationPaused(db, false, 'test');
    }
  });

  it('POST /db/recover on a reachable database: 200 recovered false, and no db_connection_recovered row', async () => {
    const res = await call(postRecover, { token: operator, method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      recovered: false,
      component: 'console',
      attempts: 1,
      downtime_ms: 0,
      message: 'database was reachable; nothing to recover',
    });
    const { rawQuery } = await testDatabase();
    expect(await rawQuery(`select status from unified_brain where action_type = 'db_connection_recovered'`)).toEqual([]);
  });

  it('a probe that fails, then succeeds, is a recovery: recorded once as db_connection_recovered', async () => {
    const database = await testDatabase();
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return database;
    };
    const result = await recoverDatabaseConnection(flaky, { sleep: async () => {} });
    expect(result).toMatchObject({ success: true, recovered: true, attempts: 3 });
    const rows = await database.rawQuery<{ status: string; attempts: number }>(
      `select status, (metadata->>'attempts')::int as attempts from unified_brain where action_type = 'db_connection_recovered'`,
    );
    expect(rows).toEqual([{ status: 'success', attempts: 3 }]);
  });
});

describe('GET /api/v1/remediations', () => {
  it('filters by component and status, newest first', async () => {
    const res = await call(listRemediations, { token: viewer, path: '/api/v1/remediations?component=shop-prod&status=pending_approval,succeeded' });
    expect(res.status).toBe(200);
    expect(res.body.remediations.length).toBeGreaterThan(0);
    for (const r of res.body.remediations) {
      expect(r.component).toBe('shop-prod');
      expect(['pending_approval', 'succeeded']).toContain(r.status);
    }
    const times = res.body.remediations.map((r: { created_at: string }) => r.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it.each([
    ['?status=done', 'status'],
    ['?limit=0', 'limit'],
    ['?component=Bad%20Name', 'component'],
    ['?colour=blue', 'colour'],
  ])('%s → 400 naming %s', async (query, field) => {
    const res = await call(listRemediations, { token: viewer, path: `/api/v1/remediations${query}` });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.issues)).toContain(field);
  });
});
