/**
 * At most two exports at a time per principal: the third is a 429 with
 * Retry-After; a slot comes back when a stream ends, fails or is cancelled.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/analytics/export/route';
import * as activityQueries from '@/db/queries/activity';
import { EXPORT_CHUNK_ROWS, EXPORTS_PER_PRINCIPAL } from '@/lib/services/analytics-export';
import { createTestToken, testDatabase } from '../../helpers/api';

let alice: string;
let bob: string;

beforeAll(async () => {
  alice = await createTestToken('viewer', 'alice');
  bob = await createTestToken('viewer', 'bob');
  const { rawQuery } = await testDatabase();
  // Three chunks' worth, so an export stays open until it is read to the end.
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata, executed_at)
    select 'self_healing_console', 'proactive_health_check', 'healthy', jsonb_build_object('component', 'svc'),
           now() - (i * interval '10 seconds')
    from generate_series(1, ${3 * EXPORT_CHUNK_ROWS}) as i`);
});
afterEach(() => vi.restoreAllMocks());

function open(token: string, format = 'csv'): Promise<Response> {
  return exportRoute(
    new Request(`http://console.test/api/v1/analytics/export?format=${format}&window=24h`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
}

/** An export that has started streaming (its first piece read) and is left open. */
async function started(token: string, format = 'csv') {
  const res = await open(token, format);
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  return reader;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  while (!(await reader.read()).done);
}

describe('exports per principal', () => {
  it('refuses a third concurrent export with 429, Retry-After and a message; others are not affected', async () => {
    expect(EXPORTS_PER_PRINCIPAL).toBe(2);
    const first = await started(alice);
    const second = await started(alice, 'json');
    const third = await open(alice);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await third.json()).toEqual({
      error: 'too_many_requests',
      message: 'at most 2 exports at a time per user or token; retry when one of yours has finished',
      limit: 2,
    });
    // Another token has slots of its own.
    const other = await started(bob);
    await other.cancel();

    // A finished stream gives its slot back.
    await drain(first);
    const fourth = await started(alice);
    expect((await open(alice)).status).toBe(429);
    await Promise.all([second.cancel(), fourth.cancel()]);
  });

  it('a cancelled download gives its slot back', async () => {
    const a = await started(alice);
    const b = await started(alice);
    expect((await open(alice)).status).toBe(429);
    await a.cancel();
    const c = await started(alice);
    await Promise.all([b.cancel(), c.cancel()]);
    // Both free again.
    const d = await started(alice);
    const e = await started(alice);
    await Promise.all([d.cancel(), e.cancel()]);
  });

  it('an export that fails mid-stream gives its slot back', async () => {
    const a = await started(alice);
    const b = await started(alice);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(activityQueries, 'activityChunk').mockRejectedValue(new Error('simulated: connection lost'));
    await expect(drain(a)).rejects.toThrow('export failed');
    vi.restoreAllMocks();
    const c = await started(alice);
    await Promise.all([b.cancel(), c.cancel()]);
  });

  it('a request refused before streaming (bad window) holds no slot', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await exportRoute(
        new Request('http://console.test/api/v1/analytics/export?window=1y', { headers: { authorization: `Bearer ${alice}` } }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(400);
    }
    const a = await started(alice);
    const b = await started(alice);
    await Promise.all([a.cancel(), b.cancel()]);
  });
});
