/**
 * The scale action end to end, in-process, through its route against the Render
 * stand-in: it reads the count (GET /services/{id}) then asks for the new one
 * (POST /services/{id}/scale), never above max_instances; low risk runs at once,
 * production waits for an approver; autoscaling is said; bad input is a 4xx
 * naming the field with nothing stored. On PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postScale } from '@/app/api/v1/components/[name]/scale/route';
import { POST as postApprove } from '@/app/api/v1/approvals/[id]/approve/route';
import { GET as getApprovals } from '@/app/api/v1/approvals/route';
import { startRenderStandIn, type RenderStandIn } from '../../support/render-stand-in';
import { call, createTestToken, tableCounts, testDatabase } from '../../helpers/api';

let render: RenderStandIn;
let operator: string;
let approver: string;
let admin: string;

async function component(name: string, body: Record<string, unknown>) {
  const res = await call(putComponent, { method: 'PUT', params: { name }, token: admin, body });
  expect(res.status).toBeLessThan(300);
}

beforeAll(async () => {
  render = await startRenderStandIn({
    apiKey: 'rnd_test_key',
    services: {
      'srv-web1': { numInstances: 2 },
      'srv-web2': { numInstances: 3 },
      'srv-prod1': { numInstances: 2 },
      'srv-auto1': { numInstances: 3, autoscaling: { min: 2, max: 6 } },
      'srv-top1': { numInstances: 4 },
    },
  });
  process.env.RENDER_API_URL = render.url;
  process.env.RENDER_API_KEY = 'rnd_test_key';
  operator = await createTestToken('operator', 'ci-operator');
  approver = await createTestToken('approver', 'ci-approver');
  admin = await createTestToken('admin', 'ci-admin');
  await component('web-staging', { environment: 'staging', render_service_id: 'srv-web1', max_instances: 4 });
  await component('web-abs', { environment: 'staging', render_service_id: 'srv-web2', max_instances: 5 });
  await component('web-prod', { environment: 'production', render_service_id: 'srv-prod1', max_instances: 4 });
  await component('web-auto', { environment: 'staging', render_service_id: 'srv-auto1', max_instances: 8 });
  await component('web-top', { environment: 'staging', render_service_id: 'srv-top1', max_instances: 4 });
  await component('web-nomax', { environment: 'staging', render_service_id: 'srv-web1' });
  await component('web-noservice', { environment: 'staging', max_instances: 4 });
});
afterAll(() => render.close());
beforeEach(() => render.reset());

describe('scale', () => {
  it('by +1 in staging: reads the count, scales to it plus one, answers the result and records service_scaled', async () => {
    const res = await call(postScale, { params: { name: 'web-staging' }, token: operator, body: { by: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      component: 'web-staging',
      service_id: 'srv-web1',
      from_instances: 2,
      to_instances: 3,
      status_code: 202,
      autoscaling_enabled: false,
      message: 'Scale to 3 instances accepted',
      remediation: { status: 'succeeded', risk: 'low', action: 'scale', params: { by: 1 } },
    });
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/services/srv-web1', 'POST /v1/services/srv-web1/scale']);
    expect(render.requestsTo('scale')[0]!.body).toEqual({ numInstances: 3 });
    expect(render.services['srv-web1']!.numInstances).toBe(3);
    const { rawQuery } = await testDatabase();
    expect(
      await rawQuery(`select status, metadata->>'to_instances' as to_instances from unified_brain where action_type = 'service_scaled' and metadata->>'component' = 'web-staging'`),
    ).toEqual([{ status: 'success', to_instances: '3' }]);
  });

  it('to num_instances: sets that count', async () => {
    const res = await call(postScale, { params: { name: 'web-abs' }, token: operator, body: { num_instances: 5 } });
    expect(res.body).toMatchObject({ success: true, from_instances: 3, to_instances: 5 });
    expect(render.services['srv-web2']!.numInstances).toBe(5);
  });

  it('a relative scale past max_instances is refused when it reads the count; nothing is sent to scale', async () => {
    const res = await call(postScale, { params: { name: 'web-top' }, token: operator, body: { by: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, from_instances: 4, to_instances: null, remediation: { status: 'failed' } });
    expect(res.body.message).toBe('scale by +1 would run 5 instances, more than max_instances (4); nothing sent');
    expect(render.requestsTo('scale')).toHaveLength(0);
    expect(render.services['srv-top1']!.numInstances).toBe(4);
  });

  it('num_instances above max_instances: 400 naming num_instances, nothing stored or sent', async () => {
    const before = await tableCounts();
    const res = await call(postScale, { params: { name: 'web-staging' }, token: operator, body: { num_instances: 9 } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ field: 'num_instances', message: 'must be ≤ max_instances (4)' }]);
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });

  it('without max_instances it is refused (409 saying an admin sets it); without a service, 400 naming service_id', async () => {
    const before = await tableCounts();
    const nomax = await call(postScale, { params: { name: 'web-nomax' }, token: operator, body: { by: 1 } });
    expect(nomax.status).toBe(409);
    expect(nomax.body.message).toContain('has no max_instances');
    const noservice = await call(postScale, { params: { name: 'web-noservice' }, token: operator, body: { by: 1 } });
    expect(noservice.status).toBe(400);
    expect(noservice.body.issues.map((i: { field: string }) => i.field)).toEqual(['service_id']);
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });

  it('autoscaling on: Render accepts but ignores the count, and the result says so (not counted as a scale-out)', async () => {
    const res = await call(postScale, { params: { name: 'web-auto' }, token: operator, body: { by: 1 } });
    expect(res.body).toMatchObject({ success: false, from_instances: 3, to_instances: 4, autoscaling_enabled: true, status_code: 202 });
    expect(res.body.message).toContain('ignores a manual count while autoscaling is on for srv-auto1 (min 2, max 6)');
    expect(render.requestsTo('scale')).toHaveLength(1);
    expect(render.services['srv-auto1']).toMatchObject({ numInstances: 3, manualNumInstances: 4 });
  });

  it('in production it waits for an approver (202, the approval queue); approved, it runs once', async () => {
    const res = await call(postScale, { params: { name: 'web-prod' }, token: operator, body: { by: 1 } });
    expect(res.status).toBe(202);
    expect(res.body.remediation).toMatchObject({ status: 'pending_approval', risk: 'high', action: 'scale', target: { service_id: 'srv-prod1', max_instances: 4 } });
    expect(render.requests).toHaveLength(0);
    const queue = await call(getApprovals, { token: approver });
    expect(queue.body.approvals.map((a: { id: string }) => a.id)).toContain(res.body.remediation.id);
    const approved = await call(postApprove, { params: { id: res.body.remediation.id }, token: approver });
    expect(approved.status).toBe(200);
    expect(render.requestsTo('scale').map((r) => r.body)).toEqual([{ numInstances: 3 }]);
  });

  it('an admin lowering max_instances after the request makes the approval refuse (the target moved)', async () => {
    await component('web-moved', { environment: 'production', render_service_id: 'srv-web2', max_instances: 6 });
    const res = await call(postScale, { params: { name: 'web-moved' }, token: operator, body: { by: 1 } });
    expect(res.status).toBe(202);
    await component('web-moved', { max_instances: 5 });
    const approved = await call(postApprove, { params: { id: res.body.remediation.id }, token: approver });
    expect(approved.status).toBe(409);
    expect(approved.body.message).toContain('max_instances 6 → 5');
    expect(render.requests).toHaveLength(0);
  });

  it.each([
    ['no body', undefined, 'body'],
    ['neither field', {}, 'num_instances'],
    ['both fields', { num_instances: 2, by: 1 }, 'by'],
    ['a fraction', { num_instances: 2.5 }, 'num_instances'],
    ['a string', { by: '1' }, 'by'],
    ['zero instances', { num_instances: 0 }, 'num_instances'],
    ['more than Render allows', { num_instances: 101 }, 'num_instances'],
    ['by 0', { by: 0 }, 'by'],
    ['an unknown field', { by: 1, replicas: 2 }, ''],
  ])('bad input (%s): 400 naming the field, nothing stored or sent', async (_what, body, field) => {
    const before = await tableCounts();
    const res = await call(postScale, { params: { name: 'web-staging' }, token: operator, body });
    expect(res.status).toBe(400);
    const fields = JSON.stringify(res.body);
    if (field) expect(fields).toContain(field);
    expect(await tableCounts()).toEqual(before);
    expect(render.requests).toHaveLength(0);
  });
});
