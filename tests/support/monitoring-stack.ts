/**
 * Real Prometheus and Alertmanager for tests (Debian's `prometheus` 2.42 and
 * `prometheus-alertmanager` 0.25, installed by `.ci/run`). Each runs on a free loopback port with a
 * config the test writes, in its own temporary directory, and is stopped (SIGTERM, then SIGKILL)
 * by `close()`:
 *
 *   const prom = await startPrometheus({ config: yamlText, files: { 'token': 'secret' } });
 *   await prom.waitForTarget('console');           // until the job's target reports health 'up'
 *   const r = await prom.query('up');              // the /api/v1/query answer's data
 *   await prom.close();
 *
 *   const am = await startAlertmanager({ config: yamlText });
 *   await am.postAlerts([{ labels: { alertname: 'X' } }]);  // Alertmanager's own API v2
 *   await am.close();
 *
 * `files` are written beside the config, so a config can name them relatively
 * (e.g. `authorization: { credentials_file: token }`); `{{dir}}` in the config is replaced by that
 * directory's absolute path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  dir: string;
  /** Everything the process wrote to stdout/stderr so far (for failure messages). */
  output: () => string;
  close: () => Promise<void>;
}

export interface PrometheusServer extends RunningServer {
  query: (promql: string) => Promise<unknown>;
  /** Waits until every target of `job` has health 'up' (Prometheus scraped it at least once). */
  waitForTarget: (job: string, timeoutMs?: number) => Promise<void>;
}

export interface AlertmanagerServer extends RunningServer {
  /** POST /api/v2/alerts (the API Prometheus itself uses to send alerts). */
  postAlerts: (alerts: Array<Record<string, unknown>>) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function prepareDir(prefix: string, config: string, files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await writeFile(join(dir, 'config.yml'), config.replaceAll('{{dir}}', dir));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function launch(
  bin: string,
  args: string[],
  dir: string,
  port: number,
  readyPath: string,
): Promise<RunningServer> {
  let output = '';
  const child: ChildProcess = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await close();
      throw new Error(`${bin} exited before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(url + readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${bin} was not ready within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, dir, output: () => output, close };
}

export async function startPrometheus(options: {
  config: string;
  files?: Record<string, string>;
}): Promise<PrometheusServer> {
  const dir = await prepareDir('prometheus-', options.config, options.files ?? {});
  const port = await freePort();
  const server = await launch(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'config.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Lets a test backfill history through remote write instead of waiting for scrapes.
      '--web.enable-remote-write-receiver',
      '--log.level=warn',
    ],
    dir,
    port,
    '/-/ready',
  );
  const query = async (promql: string) => {
    const response = await fetch(`${server.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data?: unknown; error?: string };
    if (body.status !== 'success') throw new Error(`query ${promql}: ${body.error}`);
    return body.data;
  };
  const waitForTarget = async (job: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      const response = await fetch(`${server.url}/api/v1/targets?state=active`);
      const body = (await response.json()) as {
        data: { activeTargets: Array<{ labels: Record<string, string>; health: string; lastError: string }> };
      };
      const targets = body.data.activeTargets.filter((t) => t.labels.job === job);
      last = JSON.stringify(targets.map((t) => [t.health, t.lastError]));
      if (targets.length > 0 && targets.every((t) => t.health === 'up')) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`job ${job} not up within ${timeoutMs} ms: ${last}\n${server.output()}`);
  };
  return { ...server, query, waitForTarget };
}

export async function startAlertmanager(options: {
  config: string;
  files?: Record<string, string>;
}): Promise<AlertmanagerServer> {
  const dir = await prepareDir('alertmanager-', options.config, options.files ?? {});
  const port = await freePort();
  const server = await launch(
    ALERTMANAGER_BIN,
    [
      `--config.file=${join(dir, 'config.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: a lone test instance must not look for peers (or bind the default 9094).
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    dir,
    port,
    '/-/ready',
  );
  const postAlerts = async (alerts: Array<Record<string, unknown>>) => {
    const response = await fetch(`${server.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!response.ok) throw new Error(`alertmanager POST /api/v2/alerts: ${response.status} ${await response.text()}`);
  };
  return { ...server, postAlerts };
}
