/**
 * Who may change what of a component (lib/services/component-config.ts) and how
 * many components requests may create (lib/services/component-registry.ts),
 * through the real route handlers — on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getComponent, PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';

// Small caps for this file (read once, at the first registration).
process.env.MAX_NEW_COMPONENTS_PER_BATCH = '3';
process.env.MAX_COMPONENTS = '8';

const HOOK = 'http://user:pw@hook.internal:8080/cleanup?token=abc';
const SHOWN = 'http://hook.internal:8080/cleanup';
const SECRET = 'hook-secret-0123456789abcdef';

let admin: string;
let operator: string;

async function stored(name: string): Promise<{ cleanup_url: string | null; hook_secret: string | null }> {
  const { rawQuery } = await testDatabase();
  const [row] = await rawQuery<{ cleanup_url: string | null; hook_secret: string | null }>(
    `select cleanup_url, hook_secret from components where name = '${name}'`,
  );
  return row!;
}

const sample = { cpu_usage: 10, memory_usage: 10, error_rate: 0, latency_ms: 100 };

beforeAll(async () => {
  admin = await createTestToken('admin');
  operator = await createTestToken('operator');
  const res = await call(putComponent, { method: 'PUT', params: { name: 'hooked' }, token: admin, body: { cleanup_url: HOOK, cleanup_secret: SECRET } });
  expect(res.status).toBe(201);
});

describe('cleanup_secret is an admin field', () => {
  it.each([
    ['a new value', 'operator-chosen-secret-0123'],
    ['null (unsigned requests)', null],
  ])('an operator sending %s gets 403 naming cleanup_secret; nothing is stored', async (_what, value) => {
    const before = await tableCounts();
    const res = await call(putComponent, { method: 'PUT', params: { name: 'hooked' }, token: operator, body: { cleanup_secret: value } });
    expect(res.status).toBe(403);
    expect(res.body.issues).toEqual([{ field: 'cleanup_secret', message: 'requires the admin role to change' }]);
    expect(res.body.message).toContain('cleanup_secret');
    expect(await tableCounts()).toEqual(before);
    expect((await stored('hooked')).hook_secret).toBe(SECRET);
  });

  it('an operator registering a new component with a secret is refused and nothing is created', async () => {
    const before = await tableCounts();
    const res = await call(putComponent, { method: 'PUT', params: { name: 'op-signed' }, token: operator, body: { cleanup_secret: SECRET } });
    expect(res.status).toBe(403);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['cleanup_secret']);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('re-sending what GET shows never erases what GET hides', () => {
  it('GET shows the hook URL without userinfo or query, and only whether a secret is set', async () => {
    const res = await call(getComponent, { params: { name: 'hooked' }, token: operator });
    expect(res.body).toMatchObject({ cleanup_url: SHOWN, cleanup_secret_set: true });
    expect(JSON.stringify(res.body)).not.toMatch(/pw|token=abc|hook-secret/);
  });

  it.each([
    ['an operator', () => operator],
    ['an admin', () => admin],
  ])('%s PUTting back the configuration GET returned keeps the stored credentials and query', async (_who, token) => {
    const shown = (await call(getComponent, { params: { name: 'hooked' }, token: token() })).body;
    const res = await call(putComponent, {
      method: 'PUT',
      params: { name: 'hooked' },
      token: token(),
      body: {
        environment: shown.environment,
        policy: shown.policy,
        render_service_id: shown.render_service_id,
        cleanup_url: shown.cleanup_url,
        thresholds: shown.threshold_overrides,
      },
    });
    expect(res.status).toBe(200);
    expect(await stored('hooked')).toEqual({ cleanup_url: HOOK, hook_secret: SECRET });
  });

  it('an operator changing the hidden parts (other credentials, same host) is refused', async () => {
    const before = await tableCounts();
    const res = await call(putComponent, {
      method: 'PUT',
      params: { name: 'hooked' },
      token: operator,
      body: { cleanup_url: 'http://other:creds@hook.internal:8080/cleanup' },
    });
    expect(res.status).toBe(403);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['cleanup_url']);
    expect(await tableCounts()).toEqual(before);
    expect((await stored('hooked')).cleanup_url).toBe(HOOK);
  });

  it('an operator re-sending the whole stored URL is no change; an admin sending a different one replaces it', async () => {
    expect((await call(putComponent, { method: 'PUT', params: { name: 'hooked' }, token: operator, body: { cleanup_url: HOOK } })).status).toBe(200);
    expect((await stored('hooked')).cleanup_url).toBe(HOOK);
    const moved = 'https://new.internal/cleanup?key=k2';
    expect((await call(putComponent, { method: 'PUT', params: { name: 'hooked' }, token: admin, body: { cleanup_url: moved } })).status).toBe(200);
    expect((await stored('hooked')).cleanup_url).toBe(moved);
    // The config history keeps only what may be shown.
    const { rawQuery } = await testDatabase();
    const history = await rawQuery<{ config: { cleanup_url: string | null } }>(
      `select cc.config from component_configs cc join components c on c.id = cc.component_id where c.name = 'hooked' order by cc.id`,
    );
    expect(history.map((h) => h.config.cleanup_url)).not.toContain(moved);
    expect(history.at(-1)!.config.cleanup_url).toBe('https://new.internal/cleanup');
  });
});

describe('caps on new components (MAX_NEW_COMPONENTS_PER_BATCH=3, MAX_COMPONENTS=8 here)', () => {
  const batch = (names: string[]) => ({ samples: names.map((component) => ({ component, ...sample })) });

  it('refuses a batch registering more new components than the per-request cap: 422 naming the limit, nothing stored', async () => {
    const before = await tableCounts();
    const res = await call(postMetrics, { token: operator, body: batch(['n-1', 'n-2', 'n-3', 'n-4', 'hooked']) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'component_limit', limit: 'MAX_NEW_COMPONENTS_PER_BATCH', max: 3, new_components: 4 });
    expect(res.body.message).toContain('MAX_NEW_COMPONENTS_PER_BATCH');
    expect(await tableCounts()).toEqual(before);
  });

  it('accepts batches within it, then refuses every creating path once the total is reached; known names still ingest', async () => {
    // 'hooked' and 'op-…' so far: count what exists, fill up to 8.
    const { rawQuery } = await testDatabase();
    const existing = Number((await rawQuery<{ n: number | string }>('select count(*) as n from components'))[0]!.n);
    const room = 8 - existing;
    expect(room).toBeGreaterThan(0);
    const names = Array.from({ length: room }, (_, i) => `fill-${i}`);
    for (let i = 0; i < names.length; i += 3) {
      const res = await call(postMetrics, { token: operator, body: batch(names.slice(i, i + 3)) });
      expect(res.status).toBe(200);
    }

    const before = await tableCounts();
    const refused = [
      await call(postMetrics, { token: operator, body: batch(['fill-0', 'one-too-many']) }),
      await call(postHealth, { params: { name: 'one-too-many' }, token: operator, body: sample }),
      await call(putComponent, { method: 'PUT', params: { name: 'one-too-many' }, token: admin, body: { environment: 'staging' } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: 'component_limit', limit: 'MAX_COMPONENTS', max: 8 });
      expect(res.body.message).toContain('MAX_COMPONENTS');
    }
    expect(await tableCounts()).toEqual(before);

    const known = await call(postMetrics, { token: operator, body: batch(['fill-0', 'hooked']) });
    expect(known).toMatchObject({ status: 200, body: { accepted: 2 } });
  });
});
