/**
 * GET /api/v1/components/{name}/dashboard: what the component page polls
 * through react-query — the same data as its first render, the actions panel
 * as the caller's role sees it; a bad range is a 400 naming `range`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/components/[name]/dashboard/route';
import { ensureComponent } from '@/db/queries/components';
import { call, createTestToken, testDatabase } from '../../helpers/api';

let viewer: string;
let operator: string;

beforeAll(async () => {
  viewer = await createTestToken('viewer');
  operator = await createTestToken('operator');
  const { db } = await testDatabase();
  await ensureComponent(db, 'page-api');
});

const get = (name: string, query: string, token: string | null) =>
  call(GET, { params: { name }, path: `/api/v1/components/${name}/dashboard${query}`, token });

describe('component page data', () => {
  it("answers the page's view for the range, and the actions panel for the caller's role", async () => {
    const res = await get('page-api', '?range=6h', viewer);
    expect(res.status).toBe(200);
    expect(res.body.view.detail.name).toBe('page-api');
    expect(res.body.view.range).toBe('6h');
    expect(res.body.actions.canRequest).toBe(false);
    expect(res.body.actions.actions.map((a: { action: string }) => a.action)).toContain('restart');
    expect((await get('page-api', '', operator)).body.actions.canRequest).toBe(true);
    expect((await get('page-api', '', operator)).body.view.range).toBe('1h');
  });

  it('refuses a bad range, naming it, and answers 404 for an unknown component', async () => {
    const bad = await get('page-api', '?range=2y', viewer);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('validation_failed');
    expect(bad.body.message).toMatch(/range: must be one of 1h, 6h, 24h, 7d/);
    expect(bad.body.issues[0].field).toBe('range');
    expect((await get('no-such-thing', '', viewer)).status).toBe(404);
    expect((await get('Not_A_Name', '', viewer)).status).toBe(400);
  });

  it('needs a token', async () => {
    expect((await get('page-api', '', null)).status).toBe(401);
  });
});
