/**
 * max_instances, the most instances a scale may ask for, is an admin's field
 * like the routing fields: bounded integers only, and an operator changing it
 * gets 403 naming it with nothing stored. On PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getComponent, PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { call, createTestToken, tableCounts } from '../helpers/api';

let admin: string;
let operator: string;

beforeAll(async () => {
  admin = await createTestToken('admin');
  operator = await createTestToken('operator');
});

describe('max_instances', () => {
  it('an admin sets it; GET shows it and re-sending it as an operator is no change', async () => {
    const set = await call(putComponent, { method: 'PUT', params: { name: 'scaled' }, token: admin, body: { max_instances: 4 } });
    expect(set.status).toBe(201);
    expect(set.body.max_instances).toBe(4);
    expect((await call(getComponent, { params: { name: 'scaled' }, token: operator })).body.max_instances).toBe(4);
    const again = await call(putComponent, { method: 'PUT', params: { name: 'scaled' }, token: operator, body: { max_instances: 4, thresholds: {} } });
    expect(again.status).toBe(200);
  });

  it.each([
    ['a new value', 8],
    ['null (never scaled)', null],
  ])('an operator sending %s gets 403 naming max_instances; nothing is stored', async (_what, value) => {
    const before = await tableCounts();
    const res = await call(putComponent, { method: 'PUT', params: { name: 'scaled' }, token: operator, body: { max_instances: value } });
    expect(res.status).toBe(403);
    expect(res.body.issues).toEqual([{ field: 'max_instances', message: 'requires the admin role to change' }]);
    expect(res.body.message).toContain('max_instances');
    expect(await tableCounts()).toEqual(before);
    expect((await call(getComponent, { params: { name: 'scaled' }, token: admin })).body.max_instances).toBe(4);
  });

  it.each([
    [0, '≥ 1'],
    [101, '≤ 100'],
    [2.5, 'integer'],
    ['3', 'integer'],
  ])('an admin sending %j gets 400 naming max_instances (%s); nothing is stored', async (value, words) => {
    const before = await tableCounts();
    const res = await call(putComponent, { method: 'PUT', params: { name: 'scaled' }, token: admin, body: { max_instances: value } });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['max_instances']);
    expect(JSON.stringify(res.body.issues)).toContain(words);
    expect(await tableCounts()).toEqual(before);
  });
});
