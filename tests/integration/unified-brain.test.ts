/**
 * The reference card's SQL runs verbatim against the console's database, and
 * the database itself keeps unified_brain append-only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { recordBrain } from '@/db/queries/brain';
import { call, createTestToken, testDatabase } from '../helpers/api';
import { COMPONENT_HEALTH, LATEST_10, TOP_ACTIONS_24H } from '../helpers/card-queries';

const sample = { cpu_usage: 20, memory_usage: 30, error_rate: 0.001, latency_ms: 120 };

beforeAll(async () => {
  const token = await createTestToken('operator');
  for (let i = 0; i < 3; i++) await call(postHealth, { params: { name: 'api' }, token, body: sample });
  for (let i = 0; i < 2; i++) await call(postHealth, { params: { name: 'worker' }, token, body: sample });
  const { db } = await testDatabase();
  await recordBrain(db, { actionType: 'service_restart', status: 'success', metadata: { component: 'worker' } });
  // Older than 24 h: counted by the per-component query, not by the 24-hour one.
  await recordBrain(db, {
    actionType: 'automatic_rollback',
    status: 'success',
    metadata: { component: 'api' },
    executedAt: new Date(Date.now() - 30 * 3600_000),
  });
  // Another agent's row is ignored by every query.
  const { rawQuery } = await testDatabase();
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata) values ('billing_agent', 'invoice', 'ok', '{"component":"api"}')`);
});

describe("the card's analytics queries", () => {
  it('Top Actions (24h)', async () => {
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ action_type: string; count: string | number }>(TOP_ACTIONS_24H);
    const counts = Object.fromEntries(rows.map((r) => [r.action_type, Number(r.count)]));
    expect(counts).toEqual({ proactive_health_check: 5, service_restart: 1 });
  });

  it('Component Health', async () => {
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ '?column?': string; interventions: string | number }>(COMPONENT_HEALTH);
    expect(rows.map((r) => [Object.values(r)[0], Number(r.interventions)])).toEqual([
      ['api', 4],
      ['worker', 3],
    ]);
  });

  it('latest 10', async () => {
    const { rawQuery } = await testDatabase();
    const rows = await rawQuery<{ agent_name: string; action_type: string; executed_at: Date | string }>(LATEST_10);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.agent_name.includes('self_healing'))).toBe(true);
    const times = rows.map((r) => new Date(r.executed_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(rows.at(-1)!.action_type).toBe('automatic_rollback');
  });
});

describe('append-only', () => {
  it.each([
    ['UPDATE', `update unified_brain set status = 'forged'`],
    ['DELETE', `delete from unified_brain`],
    ['TRUNCATE', `truncate unified_brain`],
  ])('the database refuses %s', async (op, statement) => {
    const { rawQuery } = await testDatabase();
    await expect(rawQuery(statement)).rejects.toThrow(new RegExp(`append-only: ${op}`));
    const [row] = await rawQuery<{ n: string | number }>(`select count(*) as n from unified_brain`);
    expect(Number(row!.n)).toBe(8);
  });
});
