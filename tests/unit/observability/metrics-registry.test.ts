import { describe, expect, it, vi } from 'vitest';

describe('the metrics registry', () => {
  it('survives a module reload (Next.js dev/HMR): one registry, counts kept, no double registration', async () => {
    const first = await import('@/lib/observability/metrics');
    first.metrics().samplesIngested.inc({ path: 'batch' }, 3);
    vi.resetModules();
    const second = await import('@/lib/observability/metrics');
    expect(second).not.toBe(first);
    expect(second.metrics().registry).toBe(first.metrics().registry);
    const text = await second.metrics().registry.metrics();
    expect(text).toContain('shc_samples_ingested_total{path="batch"} 3');
    expect(text.match(/^# TYPE shc_samples_ingested_total /gm)).toHaveLength(1);
  });
});
