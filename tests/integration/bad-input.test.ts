/**
 * Every way a client can get a request wrong: a clear 4xx, a message naming
 * the field, and nothing stored (all table counts unchanged).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { PUT as putComponent } from '@/app/api/v1/components/[name]/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { call, createTestToken, tableCounts } from '../helpers/api';

const good = { cpu_usage: 10, memory_usage: 20, error_rate: 0.01, latency_ms: 100 };
let token: string;

beforeAll(async () => {
  token = await createTestToken('admin');
});

async function expectRejected(
  send: () => Promise<{ status: number; body: any; headers: Headers }>,
  status: number,
  field: string,
) {
  const before = await tableCounts();
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.body.message).toContain(field);
  expect(await tableCounts()).toEqual(before);
  return res;
}

describe('POST /api/v1/components/{name}/health rejects', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a string metric', { ...good, cpu_usage: '85' }, 'cpu_usage'],
    ['cpu 101', { ...good, cpu_usage: 101 }, 'cpu_usage'],
    ['negative cpu', { ...good, cpu_usage: -1 }, 'cpu_usage'],
    ['memory 100.5', { ...good, memory_usage: 100.5 }, 'memory_usage'],
    ['error_rate 2', { ...good, error_rate: 2 }, 'error_rate'],
    ['negative latency', { ...good, latency_ms: -5 }, 'latency_ms'],
    ['negative memory_mb', { ...good, memory_mb: -1 }, 'memory_mb'],
    ['a missing metric', { cpu_usage: 1, memory_usage: 2, error_rate: 0 }, 'latency_ms'],
    ['an unknown field', { ...good, disk_usage: 3 }, 'disk_usage'],
    ['a null metric', { ...good, error_rate: null }, 'error_rate'],
    ['a bad timestamp', { ...good, timestamp: 'yesterday' }, 'timestamp'],
    ['a timestamp without zone', { ...good, timestamp: '2026-11-29T10:00:00' }, 'timestamp'],
    ['a timestamp in the future', { ...good, timestamp: '2099-01-01T00:00:00Z' }, 'timestamp'],
    // JavaScript parses year 0, PostgreSQL refuses it: without the lower bound this was a 500.
    ['a timestamp in year 0', { ...good, timestamp: '0000-01-01T00:00:00Z' }, 'timestamp'],
    ['a timestamp before 2000 (an unset clock)', { ...good, timestamp: '1970-01-01T00:00:00Z' }, 'timestamp'],
    ['a null body', null, 'body'],
    ['an array body', [good], 'body'],
  ];

  it.each(cases)('%s', async (_label, body, field) => {
    const res = await expectRejected(
      () => call(postHealth, { params: { name: 'api' }, token, body }),
      400,
      field,
    );
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it.each([
    ['NaN', '{"cpu_usage": NaN, "memory_usage": 1, "error_rate": 0, "latency_ms": 1}', 'cpu_usage'],
    ['Infinity', '{"cpu_usage": 1, "memory_usage": 1, "error_rate": 0, "latency_ms": Infinity}', 'latency_ms'],
    ['-Infinity', '{"cpu_usage": 1, "memory_usage": -Infinity, "error_rate": 0, "latency_ms": 1}', 'memory_usage'],
  ])('%s literal (as Python json.dumps writes it)', async (_label, body, field) => {
    await expectRejected(() => call(postHealth, { params: { name: 'api' }, token, body }), 400, field);
  });

  it('a timestamp before 2000 says the bound', async () => {
    const body = { ...good, timestamp: '0000-01-01T00:00:00Z' };
    const res = await expectRejected(() => call(postHealth, { params: { name: 'api' }, token, body }), 400, 'timestamp');
    expect(res.body.issues).toEqual([{ field: 'timestamp', message: 'must not be before 2000-01-01T00:00:00Z' }]);
  });

  it('malformed JSON', async () => {
    const res = await expectRejected(
      () => call(postHealth, { params: { name: 'api' }, token, body: '{"cpu_usage": 1,' }),
      400,
      'body',
    );
    expect(res.body.error).toBe('malformed_json');
  });

  it('an empty body', async () => {
    await expectRejected(() => call(postHealth, { params: { name: 'api' }, token, body: '' }), 400, 'body');
  });

  it('a body over 1 MB', async () => {
    const body = JSON.stringify({ ...good, padding: 'x'.repeat(1024 * 1024) });
    const res = await expectRejected(() => call(postHealth, { params: { name: 'api' }, token, body }), 413, 'body');
    expect(res.body.error).toBe('payload_too_large');
  });

  it('a body over 1 MB that does not declare its length', async () => {
    const big = JSON.stringify({ ...good, padding: 'x'.repeat(1024 * 1024) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const before = await tableCounts();
    const request = new Request('http://console.test/', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const res = await postHealth(request, { params: Promise.resolve({ name: 'api' }) });
    expect(res.status).toBe(413);
    expect(await tableCounts()).toEqual(before);
  });

  it('a non-JSON content type', async () => {
    await expectRejected(
      () =>
        call(postHealth, {
          params: { name: 'api' },
          token,
          body: JSON.stringify(good),
          headers: { 'content-type': 'text/plain' },
        }),
      415,
      'Content-Type',
    );
  });

  it.each(['API', '-api', 'a'.repeat(64), 'api gateway', 'api/../x', ''])(
    'the component name %j',
    async (name) => {
      await expectRejected(() => call(postHealth, { params: { name }, token, body: good }), 400, 'name');
    },
  );

  it('a missing token (401)', async () => {
    const res = await expectRejected(() => call(postHealth, { params: { name: 'api' }, body: good }), 401, 'Authorization');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('a wrong token (401)', async () => {
    const wrong = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expectRejected(() => call(postHealth, { params: { name: 'api' }, token: wrong, body: good }), 401, 'token');
  });

  it('a token that is not a console token (401)', async () => {
    await expectRejected(
      () => call(postHealth, { params: { name: 'api' }, token: 'not-a-token', body: good }),
      401,
      'token',
    );
  });

  it('a viewer token (403)', async () => {
    const viewer = await createTestToken('viewer');
    await expectRejected(() => call(postHealth, { params: { name: 'api' }, token: viewer, body: good }), 403, 'operator');
  });
});

describe('POST /api/v1/metrics rejects', () => {
  const sample = (i: number) => ({ component: `svc-${i % 3}`, ...good });

  it('a batch of 10,001 samples', async () => {
    const samples = Array.from({ length: 10_001 }, (_, i) => sample(i));
    await expectRejected(() => call(postMetrics, { token, body: { samples } }), 400, 'samples');
  });

  it('one bad sample among good ones, naming its index', async () => {
    const samples = Array.from({ length: 50 }, (_, i) => sample(i));
    samples[37] = { ...samples[37]!, error_rate: 2 };
    const res = await expectRejected(() => call(postMetrics, { token, body: { samples } }), 400, 'samples[37].error_rate');
    expect(res.body.issues).toEqual([
      { field: 'samples[37].error_rate', index: 37, message: expect.stringContaining('between 0 and 1') },
    ]);
  });

  it('each bad item, by index', async () => {
    const samples: unknown[] = Array.from({ length: 5 }, (_, i) => sample(i));
    samples[1] = { ...sample(1), cpu_usage: 'high' };
    samples[3] = { ...sample(3), component: 'Not Valid' };
    samples[4] = { ...sample(4), extra: 1 };
    const res = await expectRejected(() => call(postMetrics, { token, body: { samples } }), 400, 'samples[1].cpu_usage');
    expect(res.body.issues.map((i: { index: number; field: string }) => [i.index, i.field])).toEqual([
      [1, 'samples[1].cpu_usage'],
      [3, 'samples[3].component'],
      [4, 'samples[4].extra'],
    ]);
  });

  it('bare NaN / Infinity (Python json.dumps) and 1e400 in several items: each bad item named by index', async () => {
    const items = Array.from({ length: 5 }, (_, i) => JSON.stringify(sample(i)));
    items[1] = items[1]!.replace('"cpu_usage":10', '"cpu_usage":NaN');
    items[3] = items[3]!.replace('"latency_ms":100', '"latency_ms":1e400').replace('"memory_usage":20', '"memory_usage":-Infinity');
    const body = `{"samples":[${items.join(',')}]}`;
    expect(body).toContain('"cpu_usage":NaN');
    const res = await expectRejected(() => call(postMetrics, { token, body }), 400, 'samples[1].cpu_usage');
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.issues).toEqual([
      { field: 'samples[1].cpu_usage', index: 1, message: 'must be a finite number' },
      { field: 'samples[3].memory_usage', index: 3, message: 'must be a finite number' },
      { field: 'samples[3].latency_ms', index: 3, message: 'must be a finite number' },
    ]);
  });

  it.each([
    ['no samples key', {}, 'samples'],
    ['an empty batch', { samples: [] }, 'samples'],
    ['samples that is not an array', { samples: 'many' }, 'samples'],
    ['an unknown top-level field', { samples: [sample(0)], source: 'x' }, 'source'],
    ['a sample without component', { samples: [good] }, 'samples[0].component'],
    ['a sample timestamped in year 0', { samples: [sample(0), { ...sample(1), timestamp: '0000-01-01T00:00:00Z' }] }, 'samples[1].timestamp'],
    ['a null body', null, 'body'],
    ['an array body', [sample(0)], 'body'],
  ])('%s', async (_label, body, field) => {
    await expectRejected(() => call(postMetrics, { token, body }), 400, field);
  });

  it('malformed JSON', async () => {
    await expectRejected(() => call(postMetrics, { token, body: '{"samples": [' }), 400, 'body');
  });

  it('a body over the batch limit', async () => {
    const body = JSON.stringify({ samples: [sample(0)], pad: 'x'.repeat(9 * 1024 * 1024) });
    await expectRejected(() => call(postMetrics, { token, body }), 413, 'body');
  });

  it('a missing token (401)', async () => {
    await expectRejected(() => call(postMetrics, { body: { samples: [sample(0)] } }), 401, 'Authorization');
  });
});

describe('PUT /api/v1/components/{name} rejects', () => {
  it.each([
    ['an unknown field', { owner: 'team-a' }, 'owner'],
    ['a bad environment', { environment: 'Prod Env' }, 'environment'],
    ['a bad policy', { policy: 'yolo' }, 'policy'],
    ['a threshold that is not a number', { thresholds: { cpu_usage: { warning: 'high' } } }, 'thresholds.cpu_usage.warning'],
    ['an unknown threshold metric', { thresholds: { disk: { warning: 1 } } }, 'thresholds.disk'],
    ['a warning above critical', { thresholds: { cpu_usage: { warning: 95 } } }, 'cpu_usage'],
    ['a bad Render service id', { render_service_id: 'my service' }, 'render_service_id'],
    ['a cleanup URL that is not http(s)', { cleanup_url: 'file:///etc/passwd' }, 'cleanup_url'],
  ])('%s', async (_label, body, field) => {
    await expectRejected(() => call(putComponent, { method: 'PUT', params: { name: 'api' }, token, body }), 400, field);
  });
});
