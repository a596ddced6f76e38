/**
 * The stored health report is parsed once, where it is read back
 * (lib/services/health-report.ts reportOf): a row whose `result` is not a
 * report — hand-edited, or written by another build — is logged once and counts
 * as no report. The overview, the component API, a request's evidence and the
 * reconciler carry on without it instead of crashing on the missing fields.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as componentRoute } from '@/app/api/v1/components/[name]/route';
import { GET as overviewRoute } from '@/app/api/v1/overview/route';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { requestEvidence } from '@/lib/remediation/evidence';
import { reconcileOnce } from '@/lib/remediation/reconciler';
import { remediationSettingsFromEnv } from '@/lib/remediation/settings';
import { runHealthCheck } from '@/lib/services/health-check';
import { reportOf } from '@/lib/services/health-report';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { fakeRegistry, restartingService, servicesByName } from '../../support/fake-executors';

// Over every HEAL_* trigger: a readable report of this would make the reconciler propose something.
const burning = { cpu_usage: 97, memory_usage: 96, error_rate: 0.2, latency_ms: 9000 };
const calm = { cpu_usage: 30, memory_usage: 50, error_rate: 0.002, latency_ms: 150 };
let viewer: string;
let badCheckId: number;

beforeAll(async () => {
  const { db, rawQuery } = await testDatabase();
  viewer = await createTestToken('viewer');
  await runHealthCheck(db, 'readable-svc', calm, { triggers: DEFAULT_HEALING_TRIGGERS });
  await runHealthCheck(db, 'garbled-svc', burning, { triggers: DEFAULT_HEALING_TRIGGERS });
  // The stored JSON loses its prediction and says its score in words.
  const [row] = await rawQuery<{ id: number }>(
    `update health_checks set result = '{"component": "garbled-svc", "health_score": "high"}'::jsonb
      where component_id = (select id from components where name = 'garbled-svc') returning id`,
  );
  badCheckId = Number(row!.id);
});
afterEach(() => vi.restoreAllMocks());

describe('a stored report that does not parse', () => {
  it('is no report for the overview; the other components are unaffected', async () => {
    const res = await call(overviewRoute, { token: viewer });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.components.map((c: { name: string }) => [c.name, c]));
    expect(byName['garbled-svc']).toMatchObject({ latest_health: null, console_proposal: { next: null, open: [] } });
    expect(byName['readable-svc'].latest_health).toMatchObject({ component: 'readable-svc', trend: 'stable' });
    expect(byName['readable-svc'].latest_health.failure_prediction.level).toBe('low');
  });

  it('is no report for the component API, which still answers the component', async () => {
    const res = await call(componentRoute, { token: viewer, params: { name: 'garbled-svc' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'garbled-svc', latest_health: null });
  });

  it("leaves only the check's id and time in a request's evidence", async () => {
    const evidence = await requestEvidence((await testDatabase()).db, 'garbled-svc');
    expect(Object.keys(evidence).sort()).toEqual(['checked_at', 'health_check_id']);
    expect(evidence.health_check_id).toBe(badCheckId);
  });

  it('gives the reconciler nothing to act on', async () => {
    const settings = remediationSettingsFromEnv({});
    const restarts: string[] = [];
    const counts = await reconcileOnce((await testDatabase()).db, {
      settings,
      triggers: DEFAULT_HEALING_TRIGGERS,
      executors: fakeRegistry(servicesByName(restartingService({ onRestart: (id) => void restarts.push(id) }))),
    });
    expect(counts.proposed).toBe(0);
    expect(restarts).toEqual([]);
    const { rawQuery } = await testDatabase();
    expect(await rawQuery(`select id from remediations`)).toEqual([]);
  });

  it('is logged once, naming the check and what is wrong, however often it is read', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const row = { id: 987_654, componentId: 'c-1', result: { health_score: 'high' } };
    expect(reportOf(row)).toBeNull();
    expect(reportOf(row)).toBeNull();
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.msg.includes('does not parse'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', health_check_id: 987_654 });
    expect(warnings[0].issues.join('\n')).toContain('health_score');
  });
});
