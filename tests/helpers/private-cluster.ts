/**
 * A PostgreSQL cluster of the tests' own (Debian's pg_createcluster), so a test
 * can stop and start a server without disturbing the shared one other tests use.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const VERSION = fs.readdirSync('/etc/postgresql')[0]!;

function ctl(...args: string[]): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, ...args], { stdio: 'pipe' });
}

function running(name: string): boolean {
  const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.split(/\s+/)[1] === name);
  return line?.includes('online') ?? false;
}

export function privateCluster(name: string, port: number) {
  const exists = fs.existsSync(`/etc/postgresql/${VERSION}/${name}`);
  if (!exists) {
    execFileSync('pg_createcluster', [VERSION, name, '-p', String(port), '--', '--auth=trust'], { stdio: 'pipe' });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => {
      if (!running(name)) ctl(name, 'start');
    },
    stop: () => {
      if (running(name)) ctl(name, 'stop', '-m', 'fast');
    },
  };
}
