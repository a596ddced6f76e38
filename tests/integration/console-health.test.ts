/**
 * The console is a component like any other: its own CPU, memory, event-loop
 * lag and database latency go through the health check as component `console`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { recordConsoleHealth } from '@/lib/remediation/console-health';
import { testDatabase } from '../helpers/api';

describe('console self-monitoring', () => {
  it('records a health check of component console from the process’s own metrics', async () => {
    const database = await testDatabase();
    await recordConsoleHealth(database, DEFAULT_HEALING_TRIGGERS);
    const [sample] = await database.rawQuery<{ cpu_usage: number; memory_usage: number; latency_ms: number; memory_mb: number }>(
      `select s.cpu_usage, s.memory_usage, s.latency_ms, s.memory_mb from metric_samples s
         join components c on c.id = s.component_id where c.name = 'console'`,
    );
    expect(sample).toBeDefined();
    expect(Number(sample!.memory_mb)).toBeGreaterThan(0); // resident memory of this very process
    expect(Number(sample!.cpu_usage)).toBeGreaterThanOrEqual(0);
    expect(Number(sample!.cpu_usage)).toBeLessThanOrEqual(100);
    const checks = await database.rawQuery(
      `select 1 from unified_brain where action_type = 'proactive_health_check' and metadata->>'component' = 'console'`,
    );
    expect(checks).toHaveLength(1);
  });
});
