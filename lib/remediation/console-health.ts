/**
 * The console watches itself like any component (`console`): CPU, RSS,
 * event-loop lag and database latency go through the same health check.
 */
import type { Database } from '@/db/client';
import { CONSOLE_COMPONENT, sampleConsoleMetrics } from '@/lib/executors/console-process';
import { runHealthCheck } from '@/lib/services/health-check';
import type { HealingTriggers } from '@/lib/healing/types';

export async function recordConsoleHealth(database: Database, triggers: HealingTriggers): Promise<void> {
  const started = performance.now();
  await database.rawQuery('select 1');
  const sample = sampleConsoleMetrics({ dbLatencyMs: performance.now() - started });
  await runHealthCheck(database.db, CONSOLE_COMPONENT, sample, { triggers });
}
