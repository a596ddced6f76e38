/**
 * GET /api/v1/analytics/export: CSV and JSON of the window's unified_brain rows,
 * streamed in chunks; bad parameters are 400s naming the parameter; no token is a 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/analytics/export/route';
import { GET as overviewRoute } from '@/app/api/v1/overview/route';
import { recordBrain } from '@/db/queries/brain';
import { ensureComponent } from '@/db/queries/components';
import { insertHealthCheck } from '@/db/queries/health-checks';
import { remediations } from '@/db/schema';
import { assessHealth } from '@/lib/healing/assess';
import { CSV_HEADER, EXPORT_CHUNK_ROWS } from '@/lib/services/analytics-export';
import { call, createTestToken, testDatabase } from '../../helpers/api';
import { parseCsv } from '../../helpers/parse-csv';

// More than two chunks, so the stream has to page.
const RECENT_ROWS = 2 * EXPORT_CHUNK_ROWS + 345;
const TRICKY = { component: 'api', reason: 'said "no", then\nleft, quickly', decision: 'rejected', decided_by: 'sre@example.com' };

let viewer: string;

beforeAll(async () => {
  viewer = await createTestToken('viewer');
  const { db, rawQuery } = await testDatabase();
  // One statement for the bulk, spread over the last 20 hours, newest ten minutes ago.
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata, executed_at)
    select 'self_healing_console', 'proactive_health_check', 'healthy',
           jsonb_build_object('component', 'svc-' || (i % 5), 'health_score', 100),
           now() - interval '10 minutes' - (i * interval '20 seconds')
    from generate_series(1, ${RECENT_ROWS - 1}) as i`);
  await recordBrain(db, { actionType: 'remediation_approval', status: 'success', metadata: TRICKY, executedAt: new Date(Date.now() - 5 * 60_000) });
  // Outside the 24-hour window, and another agent's row: not exported.
  await recordBrain(db, { actionType: 'service_restart', status: 'success', metadata: { component: 'api' }, executedAt: new Date(Date.now() - 30 * 3_600_000) });
  await rawQuery(`insert into unified_brain (agent_name, action_type, status, metadata) values ('billing_agent', 'invoice', 'ok', '{}')`);
});

async function raw(query: string, token: string | null = viewer): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return exportRoute(new Request(`http://console.test/api/v1/analytics/export${query}`, { headers }), { params: Promise.resolve({}) });
}

describe('CSV export', () => {
  it('streams a header row and one record per row of the window', async () => {
    const res = await raw('?format=csv&window=24h');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="self-healing-activity-24h-\d{8}T\d{6}Z\.csv"$/);
    expect(res.body).toBeInstanceOf(ReadableStream);
    const text = await res.text();
    const records = parseCsv(text);
    expect(records[0]).toEqual([...CSV_HEADER]);
    expect(text.startsWith('id,executed_at,agent_name,action_type,status,component,metadata\r\n')).toBe(true);
    const rows = records.slice(1);
    expect(rows).toHaveLength(RECENT_ROWS);
    // Oldest first, each id once.
    const times = rows.map((r) => Date.parse(r[1]!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r[0])).size).toBe(RECENT_ROWS);
    // The quoted metadata field reads back as the JSON that was written.
    const approval = rows.find((r) => r[3] === 'remediation_approval')!;
    expect(approval[5]).toBe('api');
    expect(JSON.parse(approval[6]!)).toEqual(TRICKY);
  });

  it('arrives in pieces: the header, then one piece per chunk of rows', async () => {
    const reader = (await raw('?format=csv&window=24h')).body!.getReader();
    let pieces = 0;
    while (!(await reader.read()).done) pieces++;
    expect(pieces).toBe(1 + Math.ceil(RECENT_ROWS / EXPORT_CHUNK_ROWS));
  });

  it('a shorter window exports fewer rows', async () => {
    const records = parseCsv(await (await raw('?format=csv&window=1h')).text());
    // 50 minutes of rows 20 s apart (10 to 60 min ago), plus the approval.
    expect(records.length - 1).toBeGreaterThanOrEqual(149);
    expect(records.length - 1).toBeLessThanOrEqual(152);
  });
});

describe('JSON export', () => {
  it('has the window, the summary and every row', async () => {
    const res = await call(exportRoute, { token: viewer, path: '/api/v1/analytics/export?format=json&window=24h' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.json"');
    expect(res.body).toMatchObject({
      window: '24h',
      generated_at: expect.any(String),
      summary: {
        total_rows: RECENT_ROWS,
        top_actions: [
          { action_type: 'proactive_health_check', count: RECENT_ROWS - 1 },
          { action_type: 'remediation_approval', count: 1 },
        ],
        interventions: expect.arrayContaining([{ component: 'api', interventions: 1, healing_actions: 1 }]),
        remediations: { succeeded: 0, failed: 0, success_rate: null },
        approvals: [{ decision: 'rejected', count: 1 }],
      },
    });
    expect(res.body.rows).toHaveLength(RECENT_ROWS);
    expect(res.body.rows.at(-1)).toEqual({
      id: expect.any(Number),
      executed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
      agent_name: 'self_healing_console',
      action_type: 'remediation_approval',
      status: 'success',
      component: 'api',
      metadata: TRICKY,
    });
  });

  it('agrees with the CSV export when both pin the same end of window', async () => {
    const until = new Date().toISOString();
    const json = await call(exportRoute, { token: viewer, path: `/api/v1/analytics/export?format=json&window=7d&until=${until}` });
    const csv = parseCsv(await (await raw(`?format=csv&window=7d&until=${until}`)).text());
    expect(json.body.rows.map((r: { id: number }) => String(r.id))).toEqual(csv.slice(1).map((r) => r[0]));
    expect(json.body.summary.total_rows).toBe(csv.length - 1);
  });

  it('reports remediation outcomes and recovery times', async () => {
    const { db } = await testDatabase();
    const c = await ensureComponent(db, 'api');
    const base = { componentId: c.id, action: 'restart' as const, risk: 'low' as const, reason: 't', requestedByKind: 'reconciler' as const, requestedBy: 'reconciler' };
    await db.insert(remediations).values([
      { ...base, status: 'succeeded', createdAt: new Date(Date.now() - 120_000), finishedAt: new Date(Date.now() - 60_000) },
      { ...base, status: 'failed', createdAt: new Date(Date.now() - 120_000), finishedAt: new Date(Date.now() - 60_000) },
    ]);
    // The component's first healthy check after the restart finished: recovered 90 s after the proposal.
    // (A check row without its unified_brain row, so the export counts above stay as they are.)
    const sample = { cpu_usage: 30, memory_usage: 50, error_rate: 0.002, latency_ms: 150, timestamp: new Date(Date.now() - 30_000) };
    const report = assessHealth({ sample });
    await insertHealthCheck(db, {
      componentId: c.id,
      checkedAt: sample.timestamp,
      healthScore: report.health_score,
      trend: report.trend,
      probability: report.failure_prediction.probability,
      timeToFailure: report.failure_prediction.time_to_failure,
      predictionLevel: report.failure_prediction.level,
      result: { ...report, component: 'api', checked_at: sample.timestamp.toISOString(), metrics: { ...sample, memory_mb: null } },
    });
    const res = await call(exportRoute, { token: viewer, path: '/api/v1/analytics/export?format=json&window=1h' });
    expect(res.body.summary.remediations).toEqual({ succeeded: 1, failed: 1, success_rate: 0.5 });
    expect(res.body.summary.recovery_time).toMatchObject({ count: 1, median_seconds: expect.closeTo(90, 0), not_recovered: 0 });
  });
});

describe('bad requests', () => {
  it.each([
    ['format', '?format=xml&window=24h'],
    ['window', '?format=csv&window=2h'],
    ['until', '?format=csv&until=yesterday'],
    ['colour', '?format=csv&colour=blue'],
  ])('names the bad parameter %s (400)', async (param, query) => {
    const res = await call(exportRoute, { token: viewer, path: `/api/v1/analytics/export${query}` });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.message).toContain(param);
    expect(res.body.issues[0].field).toBe(param);
  });

  it('refuses a request without a token (401)', async () => {
    const res = await call(exportRoute, { path: '/api/v1/analytics/export?format=csv' });
    expect(res.status).toBe(401);
  });

  it('defaults to CSV over the last 24 hours', async () => {
    const res = await raw('');
    expect(res.headers.get('content-disposition')).toContain('-24h-');
    expect(parseCsv(await res.text())).toHaveLength(RECENT_ROWS + 1);
  });
});

describe('GET /api/v1/overview', () => {
  it('lists components with their open approval requests', async () => {
    const { db } = await testDatabase();
    const worker = await ensureComponent(db, 'worker');
    const base = { componentId: worker.id, action: 'restart' as const, risk: 'high' as const, reason: 't', requestedByKind: 'reconciler' as const, requestedBy: 'reconciler' };
    await db.insert(remediations).values([
      { ...base, status: 'pending_approval', expiresAt: new Date(Date.now() + 600_000) },
      // Other actions: one open remediation per component and action.
      { ...base, action: 'rollback', status: 'pending_approval', expiresAt: new Date(Date.now() + 300_000) },
      // No expiry: nobody can approve it (decide() refuses it), so it has lapsed and is not counted either.
      { ...base, action: 'scale', status: 'pending_approval', expiresAt: null },
      // Expired: can no longer be approved, so not counted.
      { ...base, action: 'memory_cleanup', status: 'pending_approval', expiresAt: new Date(Date.now() - 1000) },
      { ...base, status: 'rejected' },
    ]);
    const res = await call(overviewRoute, { token: viewer });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.components.map((c: { name: string; pending_approvals: number }) => [c.name, c.pending_approvals]));
    expect(byName).toMatchObject({ worker: 2, api: 0 });
    expect((await call(overviewRoute, {})).status).toBe(401);
  });
});
