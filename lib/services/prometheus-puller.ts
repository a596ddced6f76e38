/**
 * The puller loop: every PROMETHEUS_PULL_INTERVAL_SECONDS, one pass over every
 * Prometheus source (lib/services/prometheus-pull.ts), a few sources at once.
 * Started by lib/server/start.ts beside the reconciler. Like it, passes never
 * overlap, one process at a time pulls (the database's exclusive lock, so two
 * consoles on one PostgreSQL do not store each sample twice), and a failing
 * source is its own status: the loop and the other sources go on.
 */
import 'server-only';
import type { Database, Db } from '@/db/client';
import { listPrometheusSources } from '@/db/queries/prometheus-sources';
import type { HealingTriggers } from '@/lib/healing/types';
import { log } from '@/lib/log';
import { MIN_BACKFILL_STEP_SECONDS, pullSource, type PullContext } from './prometheus-pull';

export const PULLER_LOCK_KEY = 7_204_311_863;
/** Sources pulled at once: enough to hide one slow server, few enough for a small console. */
export const PULL_CONCURRENCY = 4;

export async function pullAllSources(db: Db, ctx: Omit<PullContext, 'stepSeconds'> & { intervalSeconds: number }) {
  const sources = await listPrometheusSources(db);
  const pass: PullContext = { ...ctx, stepSeconds: Math.max(ctx.intervalSeconds, MIN_BACKFILL_STEP_SECONDS) };
  const totals = { sources: sources.length, ok: 0, failed: 0, errors: 0 };
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const source = sources[next++]!;
      try {
        const counts = await pullSource(db, source, pass);
        totals.ok += counts.ok;
        totals.failed += counts.failed;
      } catch (error) {
        totals.errors++;
        log.error('prometheus source pass failed', { source: source.name, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PULL_CONCURRENCY, sources.length) }, worker));
  return totals;
}

const globalForPuller = globalThis as typeof globalThis & { __shcPuller?: { stop: () => void } };

export function startPrometheusPuller(database: Database, options: { triggers: HealingTriggers; intervalSeconds: number }): { stop: () => void } {
  if (globalForPuller.__shcPuller) return globalForPuller.__shcPuller;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const totals = await database.withExclusiveLock(PULLER_LOCK_KEY, () =>
        pullAllSources(database.db, { triggers: options.triggers, now, intervalSeconds: options.intervalSeconds }),
      );
      if (totals && (totals.failed > 0 || totals.errors > 0)) log.warn('prometheus pull pass', { ...totals });
    } catch (error) {
      log.error('prometheus pull pass failed', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(pass, options.intervalSeconds * 1000);
  timer.unref();
  void pass();
  const handle = {
    stop: () => {
      clearInterval(timer);
      globalForPuller.__shcPuller = undefined;
    },
  };
  globalForPuller.__shcPuller = handle;
  log.info('prometheus puller started', { interval_s: options.intervalSeconds });
  return handle;
}
