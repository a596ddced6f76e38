/**
 * A tiny exporter the test controls: one service ("checkout" by default) whose CPU ramps and
 * whose memory leaks, as the usual client-library metrics (process_cpu_seconds_total,
 * process_resident_memory_bytes, http_requests_total, http_request_duration_seconds_*),
 * served in the Prometheus text exposition format. Every value is a function of time from
 * `startMs`, so the same function gives the live scrape and the history a test remote-writes
 * before it (historySeries), and the two join into one series per metric.
 *
 *   cpu %        = cpuStart + cpuPerMinute · minutes since start
 *   memory %     = memStart + memPerMinute · minutes (of a 1 GiB limit)
 *   requests     = 10/s, of which 1 % are 5xx; mean latency 120 ms
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RemoteSeries } from './remote-write';

export interface RampShape {
  startMs: number;
  cpuStart: number;
  cpuPerMinute: number;
  memStart: number;
  memPerMinute: number;
}

const LIMIT_BYTES = 1024 ** 3;
const RPS = 10;
const ERROR_SHARE = 0.01;
const LATENCY_S = 0.12;

/** Every series' value at `ms` (labels without job/instance, which the scrape adds). */
export function rampValues(shape: RampShape, service: string, ms: number): { labels: Record<string, string>; value: number }[] {
  const s = Math.max(0, (ms - shape.startMs) / 1000);
  const minutes = s / 60;
  // ∫ (cpuStart + cpuPerMinute·t/60) / 100 dt from 0 to s: CPU seconds used.
  const cpuSeconds = (shape.cpuStart * s + (shape.cpuPerMinute * s * s) / 120) / 100;
  const memory = (LIMIT_BYTES * (shape.memStart + shape.memPerMinute * minutes)) / 100;
  const total = RPS * s;
  const base = { service };
  return [
    { labels: { ...base, __name__: 'process_cpu_seconds_total' }, value: cpuSeconds },
    { labels: { ...base, __name__: 'process_resident_memory_bytes' }, value: Math.round(memory) },
    { labels: { ...base, __name__: 'process_memory_limit_bytes' }, value: LIMIT_BYTES },
    { labels: { ...base, __name__: 'http_requests_total', code: '200' }, value: total * (1 - ERROR_SHARE) },
    { labels: { ...base, __name__: 'http_requests_total', code: '500' }, value: total * ERROR_SHARE },
    { labels: { ...base, __name__: 'http_request_duration_seconds_sum' }, value: total * LATENCY_S },
    { labels: { ...base, __name__: 'http_request_duration_seconds_count' }, value: total },
  ];
}

function exposition(shape: RampShape, service: string, ms: number): string {
  return (
    rampValues(shape, service, ms)
      .map(({ labels: { __name__: name, ...rest }, value }) => {
        const labels = Object.entries(rest)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',');
        return `${name}{${labels}} ${value}`;
      })
      .join('\n') + '\n'
  );
}

/** The same series as scraped (job and instance added), one sample per `stepMs` from shape.startMs up to `untilMs`. */
export function historySeries(shape: RampShape, service: string, target: { job: string; instance: string }, untilMs: number, stepMs: number): RemoteSeries[] {
  const times: number[] = [];
  for (let t = shape.startMs; t <= untilMs; t += stepMs) times.push(t);
  const first = rampValues(shape, service, shape.startMs);
  return first.map((series, i) => ({
    labels: { ...series.labels, ...target },
    samples: times.map((t) => ({ timestampMs: t, value: rampValues(shape, service, t)[i]!.value })),
  }));
}

export interface RampExporter {
  port: number;
  /** Until enabled, /metrics serves no series (so remote-written history cannot collide with scrapes). */
  enable: () => Promise<void>;
  close: () => Promise<void>;
}

/** The exporter's HTTP server (run in a process of its own by startRampExporter). */
export function serveRamp(shape: RampShape, service: string): Server {
  let enabled = false;
  return createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/enable') {
      enabled = true;
      return response.end('ok');
    }
    response.setHeader('content-type', 'text/plain; version=0.0.4');
    response.end(enabled && request.url === '/metrics' ? exposition(shape, service, Date.now()) : '');
  });
}

/**
 * Runs the exporter in a child process: a test's own event loop stalls (PGlite runs in-process),
 * and a scrape that times out makes Prometheus write stale markers — the series would vanish
 * from queries for a second, as from a real exporter that stopped answering.
 */
export async function startRampExporter(shape: RampShape, service = 'checkout'): Promise<RampExporter> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(dirname(fileURLToPath(import.meta.url)), 'ramp-exporter-main.ts'), JSON.stringify({ shape, service })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`ramp exporter exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port,
    enable: async () => {
      await fetch(`http://127.0.0.1:${port}/enable`, { method: 'POST' });
    },
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
