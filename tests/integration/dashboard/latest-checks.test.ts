/**
 * latestCheckPerComponent feeds the overview (polled every 5 s): the newest
 * check per component, ties on checked_at broken by id, decoded like any row.
 */
import { describe, expect, it } from 'vitest';
import { ensureComponent } from '@/db/queries/components';
import { insertHealthCheck, latestCheckPerComponent } from '@/db/queries/health-checks';
import type { NewHealthCheckRow } from '@/db/schema';
import { testDatabase } from '../../helpers/api';

const check = (componentId: string, checkedAt: string, healthScore: number): NewHealthCheckRow => ({
  componentId,
  checkedAt: new Date(checkedAt),
  healthScore,
  trend: 'stable',
  probability: 0.01,
  timeToFailure: '> 24 hours',
  predictionLevel: 'low',
  reasons: ['r'],
  result: { health_score: healthScore },
});

describe('latestCheckPerComponent', () => {
  it('returns the newest check of each checked component', async () => {
    const { db } = await testDatabase();
    const a = await ensureComponent(db, 'alpha');
    const b = await ensureComponent(db, 'beta');
    await ensureComponent(db, 'never-checked');
    await insertHealthCheck(db, check(a.id, '2026-11-30T10:00:00Z', 10));
    await insertHealthCheck(db, check(a.id, '2026-11-30T12:00:00Z', 20));
    await insertHealthCheck(db, check(a.id, '2026-11-30T11:00:00Z', 30)); // late arrival, older
    await insertHealthCheck(db, check(b.id, '2026-11-30T09:00:00Z', 40));
    await insertHealthCheck(db, check(b.id, '2026-11-30T09:00:00Z', 50)); // same instant: the later row wins

    const latest = await latestCheckPerComponent(db);
    expect([...latest.keys()].sort()).toEqual([a.id, b.id].sort());
    const alpha = latest.get(a.id)!;
    expect(alpha.healthScore).toBe(20);
    expect(alpha.checkedAt).toEqual(new Date('2026-11-30T12:00:00Z'));
    expect(alpha.reasons).toEqual(['r']);
    expect(alpha.result).toEqual({ health_score: 20 });
    expect(latest.get(b.id)!.healthScore).toBe(50);
  });
});
