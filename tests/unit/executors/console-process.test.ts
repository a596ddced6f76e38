import { describe, expect, it } from 'vitest';
import {
  consoleCleanupExecutor,
  createConsoleCleanupExecutor,
  createConsoleSampler,
  parseCgroupLimit,
  processMemoryLimitBytes,
  sampleConsoleMetrics,
  type ConsoleSamplerSources,
} from '@/lib/executors/console-process';

const MB = 1024 * 1024;
const target = { component: 'console', url: '', secret: null };

function usage(heapUsed: number, rss: number): NodeJS.MemoryUsage {
  return { rss, heapUsed, heapTotal: heapUsed * 2, external: 0, arrayBuffers: 0 };
}

describe('console cleanup', () => {
  it('fails clearly when global.gc is not exposed, and collects nothing', async () => {
    const outcome = await createConsoleCleanupExecutor({ gc: () => undefined }).cleanup(target);
    expect(outcome.success).toBe(false);
    expect(outcome.error).toMatch(/global\.gc is not exposed.*--expose-gc/);
    expect(outcome.memory_freed_mb).toBeNull();
    expect(outcome.attempts).toBe(0);
    expect(outcome.current_memory_mb).toBeGreaterThan(0);
  });

  it('the default executor reports whether this process can collect', async () => {
    // vitest workers run without --expose-gc unless NODE_OPTIONS says otherwise.
    const outcome = await consoleCleanupExecutor.cleanup(target);
    expect(outcome.success).toBe(typeof globalThis.gc === 'function');
    if (!outcome.success) expect(outcome.error).toContain('--expose-gc');
  });

  it('reports the heap freed by gc and resident memory after it', async () => {
    const readings = [usage(300 * MB, 500 * MB), usage(180 * MB, 420 * MB)];
    let collected = 0;
    const outcome = await createConsoleCleanupExecutor({
      gc: () => () => void collected++,
      memoryUsage: () => readings.shift()!,
    }).cleanup(target);
    expect(collected).toBe(1);
    expect(outcome).toMatchObject({
      success: true,
      memory_freed_mb: 120,
      objects_collected: null,
      current_memory_mb: 420,
      attempts: 1,
    });
  });

  it('never reports negative memory freed when the heap grew meanwhile', async () => {
    const readings = [usage(100 * MB, 300 * MB), usage(110 * MB, 310 * MB)];
    const outcome = await createConsoleCleanupExecutor({
      gc: () => () => undefined,
      memoryUsage: () => readings.shift()!,
    }).cleanup(target);
    expect(outcome.memory_freed_mb).toBe(0);
  });
});

describe('console metrics', () => {
  function fakeSources(overrides: Partial<ConsoleSamplerSources> = {}) {
    const clock = { ns: 10_000_000_000n, cpu: { user: 0, system: 0 }, rss: 512 * MB, lag: 0 };
    const sources: ConsoleSamplerSources = {
      cpuUsage: () => clock.cpu,
      hrtimeNs: () => clock.ns,
      uptimeSeconds: () => 0,
      memoryUsage: () => usage(100 * MB, clock.rss),
      memoryLimitBytes: () => 2048 * MB,
      parallelism: () => 2,
      eventLoopP99Ms: () => clock.lag,
      ...overrides,
    };
    return { clock, sources };
  }

  it('measures CPU over the interval since the previous sample, across all cores', () => {
    const { clock, sources } = fakeSources();
    const sample = createConsoleSampler(sources);
    clock.ns += 1_000_000_000n; // 1 s of wall time
    clock.cpu = { user: 600_000, system: 400_000 }; // 1 s of CPU on 2 cores
    expect(sample().cpu_usage).toBe(50);
    clock.ns += 2_000_000_000n;
    clock.cpu = { user: 800_000, system: 400_000 }; // 0.2 s more over 2 s on 2 cores
    expect(sample().cpu_usage).toBe(5);
  });

  it('measures the first sample since process start', () => {
    const { clock, sources } = fakeSources({ uptimeSeconds: () => 4 });
    clock.cpu = { user: 2_000_000, system: 0 };
    expect(createConsoleSampler(sources)().cpu_usage).toBe(25); // 2 s CPU / (4 s × 2 cores)
  });

  it('reports memory as a share of the limit, latency as DB round trip plus event-loop lag', () => {
    const { clock, sources } = fakeSources();
    clock.lag = 12.5;
    const sample = createConsoleSampler(sources)({ dbLatencyMs: 30, errorRate: 0.02 });
    expect(sample).toEqual({ cpu_usage: 0, memory_usage: 25, error_rate: 0.02, latency_ms: 42.5, memory_mb: 512 });
  });

  it('clamps into the valid ranges', () => {
    const { clock, sources } = fakeSources({ parallelism: () => 1 });
    const sample = createConsoleSampler(sources);
    clock.ns += 1_000_000_000n;
    clock.cpu = { user: 3_000_000, system: 0 }; // more CPU than wall time on one core
    clock.rss = 4096 * MB; // above the limit
    const s = sample({ dbLatencyMs: -5, errorRate: 7 });
    expect(s.cpu_usage).toBe(100);
    expect(s.memory_usage).toBe(100);
    expect(s.error_rate).toBe(1);
    expect(s.latency_ms).toBe(0);
  });

  it('samples the real process within range', async () => {
    sampleConsoleMetrics();
    const started = Date.now();
    while (Date.now() - started < 30); // some CPU to measure
    await new Promise((resolve) => setTimeout(resolve, 30)); // and some event-loop time
    const s = sampleConsoleMetrics({ dbLatencyMs: 3 });
    expect(s.cpu_usage).toBeGreaterThan(0);
    expect(s.cpu_usage).toBeLessThanOrEqual(100);
    expect(s.memory_usage).toBeGreaterThan(0);
    expect(s.memory_usage).toBeLessThanOrEqual(100);
    expect(s.error_rate).toBe(0);
    expect(s.latency_ms).toBeGreaterThanOrEqual(3);
    expect(s.memory_mb).toBeCloseTo(process.memoryUsage().rss / MB, -2);
    expect(processMemoryLimitBytes()).toBeGreaterThan(process.memoryUsage().rss);
  });

  it('reads cgroup limits, treating "max" as no limit', () => {
    expect(parseCgroupLimit('536870912\n')).toBe(536870912);
    expect(parseCgroupLimit('max\n')).toBeNull();
    expect(parseCgroupLimit('')).toBeNull();
    expect(parseCgroupLimit('9223372036854771712')).toBeNull(); // cgroup v1 "unlimited"
  });
});
