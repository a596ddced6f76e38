/**
 * Render scaling through lib/executors/render.ts against the stand-in, shaped
 * like Render's API: GET /services/{id} for the count, POST /services/{id}/scale
 * {numInstances} answered 202; autoscaling reported so the action can say Render ignores a manual count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRenderExecutor } from '@/lib/executors/render';
import type { RetryOptions } from '@/lib/executors/retry';
import { startRenderStandIn, type RenderStandIn } from '../../support/render-stand-in';

const KEY = 'rnd_test_key_123';
let render: RenderStandIn;
let retry: RetryOptions;

beforeEach(async () => {
  render = await startRenderStandIn({
    apiKey: KEY,
    services: {
      'srv-web1': { numInstances: 2 },
      'srv-auto1': { numInstances: 3, autoscaling: { min: 2, max: 6 } },
      'srv-site1': { type: 'static_site' },
    },
  });
  retry = { random: () => 0, sleep: async () => {} };
});
afterEach(() => render.close());

const executor = () => createRenderExecutor({ apiKey: KEY, baseUrl: render.url, timeoutMs: 200, retry });

describe('Render instances', () => {
  it('reads serviceDetails.numInstances with GET /services/{id}', async () => {
    expect(await executor().instances('srv-web1')).toEqual({
      success: true,
      status_code: 200,
      attempts: 1,
      message: 'Service read',
      num_instances: 2,
      autoscaling: null,
    });
    expect(render.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/services/srv-web1']);
    expect(render.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('reports autoscaling when it is enabled', async () => {
    expect(await executor().instances('srv-auto1')).toMatchObject({ success: true, num_instances: 3, autoscaling: { min: 2, max: 6 } });
  });

  it('a service with no instance count (a static site) cannot be scaled, in words', async () => {
    expect(await executor().instances('srv-site1')).toMatchObject({
      success: false,
      num_instances: null,
      error: 'Render service srv-site1 (static_site) has no instance count to scale',
    });
  });

  it("passes Render's 404 message on, and retries a 503", async () => {
    expect(await executor().instances('srv-gone1')).toMatchObject({ success: false, status_code: 404, error: 'Render API 404: service not found' });
    render.inject('service', [{ status: 503 }]);
    expect(await executor().instances('srv-web1')).toMatchObject({ success: true, attempts: 2, num_instances: 2 });
  });

  it('an unexpected answer fails clearly', async () => {
    render.inject('service', [{ status: 200, body: { serviceDetails: { numInstances: 'two' } } }]);
    expect(await executor().instances('srv-web1')).toMatchObject({ success: false, error: expect.stringMatching(/^Render API answered an unexpected service/) });
  });
});

describe('Render scale', () => {
  it('POSTs {numInstances} to /services/{id}/scale; Render answers 202 and the count changes', async () => {
    expect(await executor().scale('srv-web1', 4)).toEqual({ success: true, status_code: 202, attempts: 1, message: 'Scale to 4 instances accepted' });
    const [request] = render.requestsTo('scale');
    expect(request).toMatchObject({ method: 'POST', path: '/v1/services/srv-web1/scale', body: { numInstances: 4 } });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(render.services['srv-web1']!.numInstances).toBe(4);
  });

  it('with autoscaling on, Render accepts the call and ignores the count (the stand-in as Render)', async () => {
    expect(await executor().scale('srv-auto1', 5)).toMatchObject({ success: true, status_code: 202 });
    expect(render.services['srv-auto1']).toMatchObject({ numInstances: 3, manualNumInstances: 5 });
  });

  it("Render's 400 for a count it refuses is passed on; nothing is sent without a key", async () => {
    expect(await executor().scale('srv-web1', 101)).toMatchObject({ success: false, status_code: 400, error: 'Render API 400: numInstances must be an integer from 1 to 100' });
    render.reset();
    expect(await createRenderExecutor({ apiKey: '', baseUrl: render.url }).scale('srv-web1', 2)).toMatchObject({ success: false, attempts: 0 });
    expect(render.requests).toHaveLength(0);
  });
});
