/**
 * At-most-once execution and a single acting reconciler. Meaningful on real
 * PostgreSQL (many connections racing); on PGlite the same assertions hold
 * through its single connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertComponentConfig } from '@/db/queries/components';
import { insertRemediation } from '@/db/queries/remediations';
import { executeRemediation } from '@/lib/remediation/execute';
import { reconcileExclusively } from '@/lib/remediation/reconciler';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { createRenderExecutor } from '@/lib/executors/render';
import type { ExecutorRegistry } from '@/lib/remediation/types';
import { startRenderStandIn, type RenderStandIn } from '../../support/render-stand-in';
import { testDatabase } from '../../helpers/api';
import { fakeRegistry, registeredServices } from '../../support/fake-executors';

let render: RenderStandIn;
let executors: ExecutorRegistry;
const settings = remediationSettingsFromEnv({});

beforeAll(async () => {
  render = await startRenderStandIn({ apiKey: 'k', services: { 'srv-race1': { deploys: [] } } });
  const executor = createRenderExecutor({ apiKey: 'k', baseUrl: render.url });
  executors = fakeRegistry(registeredServices(executor));
});
afterAll(() => render.close());

describe('execution races', () => {
  it('20 concurrent executions of one approved remediation → exactly one restart reaches Render', async () => {
    const { db } = await testDatabase();
    const { component } = await upsertComponentConfig(db, 'race-svc', { environment: 'production', render_service_id: 'srv-race1' }, 'test');
    const remediation = await insertRemediation(db, {
      componentId: component.id,
      action: 'restart',
      risk: 'high',
      status: 'approved',
      reason: 'race test',
      requestedByKind: 'user',
      requestedBy: 'someone@example.com',
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => executeRemediation(db, remediation.id, { executors, settings })),
    );
    expect(results.filter((r) => r.executed)).toHaveLength(1);
    expect(render.requestsTo('restart')).toHaveLength(1);
    const { rawQuery } = await testDatabase();
    const [row] = await rawQuery<{ status: string }>(`select status from remediations where id = '${remediation.id}'`);
    expect(row!.status).toBe('succeeded');
    const brain = await rawQuery(`select 1 from unified_brain where action_type = 'service_restart' and metadata->>'remediation_id' = '${remediation.id}'`);
    expect(brain).toHaveLength(1);
  });
});

describe('reconciler exclusivity', () => {
  it('two reconcilers started at once → one acts, the other finds the lock taken', async () => {
    const database = await testDatabase();
    const deps = { executors, settings, triggers: DEFAULT_HEALING_TRIGGERS };
    const [a, b] = await Promise.all([reconcileExclusively(database, deps), reconcileExclusively(database, deps)]);
    expect([a, b].filter((c) => c !== null)).toHaveLength(1);
    // The winner kept its lock for the whole pass (the lock check before each step said so).
    expect([a, b].find((c) => c !== null)!.errors).toBe(0);
    const cycles = await database.rawQuery(`select 1 from unified_brain where action_type = 'reconciliation_cycle'`);
    expect(cycles).toHaveLength(1);
  });
});
