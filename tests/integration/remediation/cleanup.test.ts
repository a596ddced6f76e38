/**
 * detect_and_cleanup_memory_leaks through the API: a leaking component's
 * signed cleanup hook is called and its answer returned in the card's shape;
 * without a hook a restart is proposed instead; the secret is write-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getComponent, PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postCleanup } from '@/app/api/v1/components/[name]/memory-leaks/cleanup/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { DEMO_SCENARIOS, createRng } from '@/lib/simulator/scenarios';
import { startCleanupHookStandIn, type CleanupHookStandIn } from '../../support/cleanup-hook-stand-in';
import { call, createTestToken, testDatabase } from '../../helpers/api';

const SECRET = 'a-long-hook-secret-for-tests';
let hook: CleanupHookStandIn;
let operator: string;
let admin: string;

/** 60 min of the leak scenario, one sample per 30 s, ending now. */
async function feedLeak(component: string) {
  const leak = DEMO_SCENARIOS.find((s) => s.component === 'payments-worker')!;
  const rng = createRng(3);
  const now = Date.now();
  const samples = Array.from({ length: 120 }, (_, i) => {
    const ago = (119 - i) * 30;
    return { component, timestamp: new Date(now - ago * 1000).toISOString(), ...leak.sample(70 * 60 - ago, rng) };
  });
  const res = await call(postMetrics, { token: operator, body: { samples } });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  hook = await startCleanupHookStandIn({ secret: SECRET });
  operator = await createTestToken('operator');
  admin = await createTestToken('admin');
});
afterAll(() => hook.close());

describe('memory-leak cleanup', () => {
  it('calls the signed hook of a leaking component and answers the card shape', async () => {
    const put = await call(putComponent, {
      method: 'PUT',
      params: { name: 'leaky-api' },
      token: admin,
      body: { environment: 'production', cleanup_url: hook.url, cleanup_secret: SECRET },
    });
    expect(put.status).toBe(201);
    expect(put.body.cleanup_secret_set).toBe(true);
    expect(JSON.stringify(put.body)).not.toContain(SECRET);
    expect(JSON.stringify((await call(getComponent, { params: { name: 'leaky-api' }, token: admin })).body)).not.toContain(SECRET);

    await feedLeak('leaky-api');
    const res = await call(postCleanup, { params: { name: 'leaky-api' }, token: operator });
    expect(res.status).toBe(200); // memory cleanup is low risk even in production
    expect(res.body).toMatchObject({
      success: true,
      leak_detected: true,
      memory_freed_mb: 125.5,
      objects_collected: 8432,
      current_memory_mb: 324.2,
      remediation: { status: 'succeeded', action: 'memory_cleanup' },
    });
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.signatureValid).toBe(true);
    expect(hook.requests[0]!.body).toMatchObject({ component: 'leaky-api' });
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ status: string; freed: string }>(
      `select status, metadata->>'memory_freed_mb' as freed from unified_brain
        where action_type = 'memory_leak_cleanup' and metadata->>'component' = 'leaky-api'`,
    );
    expect(rows).toEqual([{ status: 'success', freed: '125.5' }]);
  });

  it('without a hook: no cleanup, a restart is proposed instead (queued in production)', async () => {
    await call(putComponent, { method: 'PUT', params: { name: 'leaky-nohook' }, token: admin, body: { environment: 'production', render_service_id: 'srv-leak1' } });
    await feedLeak('leaky-nohook');
    const res = await call(postCleanup, { params: { name: 'leaky-nohook' }, token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, leak_detected: true, message: expect.stringContaining('no cleanup hook') });
    expect(res.body.proposed_restart).toMatchObject({ action: 'restart', status: 'pending_approval', component: 'leaky-nohook' });
  });

  it('a cleanup_secret shorter than 16 characters is refused naming the field', async () => {
    const res = await call(putComponent, { method: 'PUT', params: { name: 'leaky-api' }, token: operator, body: { cleanup_secret: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].field).toBe('cleanup_secret');
  });
});
