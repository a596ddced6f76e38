import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listComponents } from '@/app/api/v1/components/route';
import { GET as getComponent, PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { call, createTestToken, tableCounts, testDatabase } from '../helpers/api';

let admin: string;
let operator: string;
let viewer: string;

beforeAll(async () => {
  admin = await createTestToken('admin');
  operator = await createTestToken('operator');
  viewer = await createTestToken('viewer');
});

describe('PUT /api/v1/components/{name}', () => {
  it('registers a component with its configuration (201), then updates it (200)', async () => {
    const created = await call(putComponent, {
      method: 'PUT',
      params: { name: 'billing' },
      token: admin,
      body: {
        environment: 'staging',
        thresholds: { latency_ms: { warning: 800, critical: 1500 } },
        policy: 'approval',
        render_service_id: 'srv-abc123',
        cleanup_url: 'http://billing.internal:8080/debug/cleanup',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'billing',
      environment: 'staging',
      policy: 'approval',
      render_service_id: 'srv-abc123',
      cleanup_url: 'http://billing.internal:8080/debug/cleanup',
      threshold_overrides: { latency_ms: { warning: 800, critical: 1500 } },
      thresholds: { latency_ms: { warning: 800, critical: 1500 }, cpu_usage: { warning: 70, critical: 90 } },
      sample_count: 0,
      latest_health: null,
    });

    const updated = await call(putComponent, {
      method: 'PUT',
      params: { name: 'billing' },
      token: admin,
      body: { environment: 'production', cleanup_url: null },
    });
    expect(updated.status).toBe(200);
    // Fields not sent keep their value; null clears.
    expect(updated.body).toMatchObject({ environment: 'production', policy: 'approval', cleanup_url: null, render_service_id: 'srv-abc123' });
  });

  it('keeps every configuration version for config rollbacks', async () => {
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ config: { environment: string }; changed_by: string }>(
      `select config, changed_by from component_configs cc join components c on c.id = cc.component_id where c.name = 'billing' order by cc.id`,
    );
    expect(rows.map((r) => r.config.environment)).toEqual(['staging', 'production']);
    expect(rows[0]!.changed_by).toBe('token:test-admin');
  });

  it('lets only admins change the remediation policy', async () => {
    const before = await tableCounts();
    const res = await call(putComponent, { method: 'PUT', params: { name: 'billing' }, token: operator, body: { policy: 'auto' } });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('policy');
    expect(await tableCounts()).toEqual(before);
  });

  it('lets operators tune thresholds and re-send the current routing, but not change where actions land (403, nothing stored)', async () => {
    const same = await call(putComponent, {
      method: 'PUT',
      params: { name: 'billing' },
      token: operator,
      body: { environment: 'production', render_service_id: 'srv-abc123', cleanup_url: null, thresholds: { latency_ms: { warning: 800, critical: 1500 } } },
    });
    expect(same.status).toBe(200);

    const before = await tableCounts();
    for (const [body, fields] of [
      [{ environment: 'staging' }, ['environment']],
      [{ render_service_id: 'srv-prod999' }, ['render_service_id']],
      [{ cleanup_url: 'http://hooks.attacker.invalid/latest', environment: 'dev' }, ['environment', 'cleanup_url']],
      [{ cleanup_url: null }, []], // already null: allowed
    ] as const) {
      const res = await call(putComponent, { method: 'PUT', params: { name: 'billing' }, token: operator, body });
      if (fields.length === 0) {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status).toBe(403);
      expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(fields);
      expect(res.body.message).toContain(fields.join(', '));
    }
    const after = await tableCounts();
    // Only the two allowed PUTs above wrote config versions; the refused ones wrote nothing.
    expect({ ...after, component_configs: before.component_configs }).toEqual(before);
    expect(after.component_configs).toBe(before.component_configs + 1);
  });

  it('lets operators register a component only with the default routing (production, no service, no hook)', async () => {
    expect((await call(putComponent, { method: 'PUT', params: { name: 'new-op' }, token: operator, body: { thresholds: {} } })).status).toBe(201);
    const before = await tableCounts();
    const res = await call(putComponent, {
      method: 'PUT',
      params: { name: 'staging-twin' },
      token: operator,
      body: { environment: 'staging', render_service_id: 'srv-abc123' },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('environment, render_service_id');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses viewers', async () => {
    const res = await call(putComponent, { method: 'PUT', params: { name: 'billing' }, token: viewer, body: { environment: 'dev' } });
    expect(res.status).toBe(403);
  });
});

describe('GET /api/v1/components[/{name}]', () => {
  it('lists components with their latest health', async () => {
    await call(postHealth, {
      params: { name: 'billing' },
      token: operator,
      body: { cpu_usage: 10, memory_usage: 10, error_rate: 0, latency_ms: 900 },
    });
    const res = await call(listComponents, { token: viewer });
    expect(res.status).toBe(200);
    const billing = res.body.components.find((c: { name: string }) => c.name === 'billing');
    // 900 ms is over billing's own latency warning of 800.
    expect(billing.latest_health).toMatchObject({ health_score: 87.5, trend: 'stable' });
  });

  it('shows one component with recent checks and sample count', async () => {
    const res = await call(getComponent, { params: { name: 'billing' }, token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.sample_count).toBe(1);
    expect(res.body.recent_checks).toHaveLength(1);
    expect(res.body.recent_checks[0]).toMatchObject({ health_score: 87.5, level: 'low' });
  });

  it('answers 404 for an unknown component', async () => {
    const res = await call(getComponent, { params: { name: 'nope' }, token: viewer });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('nope');
  });

  it('answers 400 for an invalid name and 401 without a token', async () => {
    expect((await call(getComponent, { params: { name: 'Bad Name' }, token: viewer })).status).toBe(400);
    expect((await call(listComponents, {})).status).toBe(401);
  });
});
