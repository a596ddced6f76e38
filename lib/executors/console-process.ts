/**
 * The console's own process as a component named `console` (SPEC §2: "the
 * console's own process is a component too, cleaned in-process"): an in-process
 * cleanup executor, and a sampler of the console's own health metrics.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { log } from '@/lib/log';
import type { CleanupExecutor, CleanupOutcome } from './types';

export const CONSOLE_COMPONENT = 'console';
const MB = 1024 * 1024;

export interface ConsoleCleanupOptions {
  /** Where to find the collector; default reads `globalThis.gc` at call time (set by `node --expose-gc`). */
  gc?: () => (() => unknown) | undefined;
  memoryUsage?: () => NodeJS.MemoryUsage;
}

/**
 * Forces a full garbage collection and reports what it freed. Without
 * `--expose-gc` there is no way to force one, and answering "0 MB freed" would
 * read as "no leak here" — so that is a failure that says how to enable it.
 * V8 does not count collected objects, so `objects_collected` is null.
 */
export function createConsoleCleanupExecutor(options: ConsoleCleanupOptions = {}): CleanupExecutor {
  const findGc = options.gc ?? (() => globalThis.gc);
  const memoryUsage = options.memoryUsage ?? (() => process.memoryUsage());

  return {
    async cleanup(): Promise<CleanupOutcome> {
      const collect = findGc();
      if (!collect) {
        const rss = memoryUsage().rss / MB;
        return {
          success: false,
          status_code: null,
          attempts: 0,
          message: 'Garbage collection not run',
          error: 'global.gc is not exposed (start node with --expose-gc, e.g. NODE_OPTIONS=--expose-gc); nothing collected',
          memory_freed_mb: null,
          objects_collected: null,
          current_memory_mb: round(rss),
        };
      }
      const before = memoryUsage();
      collect();
      const after = memoryUsage();
      // heapUsed is what GC reclaims; RSS may not shrink at once because V8 keeps pages reserved.
      const freed = Math.max(0, before.heapUsed - after.heapUsed) / MB;
      const current = after.rss / MB;
      log.info('console gc', { freed_mb: round(freed), rss_mb: round(current) });
      return {
        success: true,
        status_code: null,
        attempts: 1,
        message: `Garbage collection freed ${round(freed)} MB of heap; resident memory now ${round(current)} MB`,
        memory_freed_mb: round(freed),
        objects_collected: null,
        current_memory_mb: round(current),
      };
    },
  };
}

export const consoleCleanupExecutor: CleanupExecutor = createConsoleCleanupExecutor();

/** One health sample of the console process, in the units of SPEC §1. */
export interface ConsoleSample {
  /** Process CPU time over wall time since the previous sample, as % of all available cores. */
  cpu_usage: number;
  /** Resident memory as % of the memory limit (cgroup memory.max, else total RAM). */
  memory_usage: number;
  error_rate: number;
  /**
   * The database round trip the caller measured PLUS the event loop's p99 delay
   * since the previous sample: both are waits a request to the console pays.
   */
  latency_ms: number;
  /** Resident memory (RSS) in MB. */
  memory_mb: number;
}

export interface ConsoleSamplerSources {
  cpuUsage: () => NodeJS.CpuUsage;
  hrtimeNs: () => bigint;
  uptimeSeconds: () => number;
  memoryUsage: () => NodeJS.MemoryUsage;
  memoryLimitBytes: () => number;
  parallelism: () => number;
  /** p99 event-loop delay in ms since the previous call (and restart the measurement). */
  eventLoopP99Ms: () => number;
}

/**
 * A sampler with its own "previous sample" state. The first sample measures CPU
 * since process start, later ones since the previous sample.
 */
export function createConsoleSampler(sources: ConsoleSamplerSources) {
  let previous = {
    cpu: { user: 0, system: 0 },
    atNs: sources.hrtimeNs() - BigInt(Math.round(sources.uptimeSeconds() * 1e9)),
  };

  return function sample(input: { dbLatencyMs?: number | null; errorRate?: number } = {}): ConsoleSample {
    const cpu = sources.cpuUsage();
    const atNs = sources.hrtimeNs();
    const cpuMicros = cpu.user - previous.cpu.user + (cpu.system - previous.cpu.system);
    const wallMicros = Number(atNs - previous.atNs) / 1000;
    previous = { cpu, atNs };
    const cores = Math.max(1, sources.parallelism());
    const cpuPercent = wallMicros > 0 ? (cpuMicros / (wallMicros * cores)) * 100 : 0;

    const rss = sources.memoryUsage().rss;
    const limit = sources.memoryLimitBytes();
    const memoryPercent = limit > 0 ? (rss / limit) * 100 : 0;

    const dbLatency = finiteOr(input.dbLatencyMs, 0);
    const loopLag = finiteOr(sources.eventLoopP99Ms(), 0);

    return {
      cpu_usage: round(clamp(cpuPercent, 0, 100)),
      memory_usage: round(clamp(memoryPercent, 0, 100)),
      error_rate: clamp(finiteOr(input.errorRate, 0), 0, 1),
      latency_ms: round(Math.max(0, dbLatency) + Math.max(0, loopLag)),
      memory_mb: round(rss / MB),
    };
  };
}

/**
 * The memory limit this process actually lives under: a container's cgroup v2
 * `memory.max` (or v1 `memory.limit_in_bytes`) when set, never more than physical RAM.
 * Read once: limits do not change under a running process.
 */
let memoryLimitCache: number | undefined;
export function processMemoryLimitBytes(): number {
  memoryLimitCache ??= Math.min(
    totalmem(),
    readCgroupLimit('/sys/fs/cgroup/memory.max') ?? Number.POSITIVE_INFINITY,
    readCgroupLimit('/sys/fs/cgroup/memory/memory.limit_in_bytes') ?? Number.POSITIVE_INFINITY,
  );
  return memoryLimitCache;
}

/** A cgroup limit file's value in bytes; null for "max" (unlimited), missing or unreadable. */
export function parseCgroupLimit(text: string): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const bytes = Number(value);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

function readCgroupLimit(path: string): number | null {
  try {
    return parseCgroupLimit(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let eventLoopHistogram: IntervalHistogram | undefined;
/** Created on first use so importing this module starts no timers. */
function eventLoopP99Ms(): number {
  if (!eventLoopHistogram) {
    eventLoopHistogram = monitorEventLoopDelay({ resolution: 20 });
    eventLoopHistogram.enable();
  }
  const p99 = eventLoopHistogram.count > 0 ? eventLoopHistogram.percentile(99) / 1e6 : 0;
  eventLoopHistogram.reset();
  return p99;
}

/** The process-wide sampler the reconciler uses for the `console` component. */
export const sampleConsoleMetrics = createConsoleSampler({
  cpuUsage: () => process.cpuUsage(),
  hrtimeNs: () => process.hrtime.bigint(),
  uptimeSeconds: () => process.uptime(),
  memoryUsage: () => process.memoryUsage(),
  memoryLimitBytes: processMemoryLimitBytes,
  parallelism: availableParallelism,
  eventLoopP99Ms,
});

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function finiteOr(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
