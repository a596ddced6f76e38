/**
 * The console watches itself like any component (`console`): CPU, RSS,
 * event-loop lag and database latency go through the same health check.
 * Every console server measures itself on its own timer — not the reconciler,
 * which may run in another process (`npm run reconciler`) or not at all here.
 */
import 'server-only';
import type { Database } from '@/db/client';
import { CONSOLE_COMPONENT, sampleConsoleMetrics } from '@/lib/executors/console-process';
import { runHealthCheck } from '@/lib/services/health-check';
import type { HealingTriggers } from '@/lib/healing/types';
import { log } from '@/lib/log';

export async function recordConsoleHealth(database: Database, triggers: HealingTriggers): Promise<void> {
  const started = performance.now();
  await database.rawQuery('select 1');
  const sample = sampleConsoleMetrics({ dbLatencyMs: performance.now() - started });
  await runHealthCheck(database.db, CONSOLE_COMPONENT, sample, { triggers });
}

const globalForSelf = globalThis as typeof globalThis & { __shcSelfMonitor?: NodeJS.Timeout };

/** Records the console's own health every `intervalMs` (idempotent per process). */
export function startSelfMonitoring(database: Database, triggers: HealingTriggers, intervalMs: number): void {
  if (globalForSelf.__shcSelfMonitor) return;
  const check = () =>
    recordConsoleHealth(database, triggers).catch((error: unknown) => log.warn('console self-check failed', { error }));
  void check();
  globalForSelf.__shcSelfMonitor = setInterval(check, intervalMs);
  globalForSelf.__shcSelfMonitor.unref();
}
