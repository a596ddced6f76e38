/**
 * "Open" and "awaiting a decision" are said once (remediationIs in
 * db/queries/remediations.ts). The `open` predicate means what the partial
 * unique index remediations_one_open_idx allows once per component and action —
 * read here from the database the migrations built, not from the schema
 * source — and every read model agrees on what is awaiting a decision and what lapsed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureComponent } from '@/db/queries/components';
import {
  approvalHistory,
  decidableApprovals,
  insertRemediation,
  liveRemediations,
  ONE_OPEN_INDEX,
  openRemediationOf,
  pendingApprovalCount,
  pendingApprovalCounts,
} from '@/db/queries/remediations';
import { isUniqueViolation } from '@/db/client';
import type { NewRemediation } from '@/db/schema';
import { OPEN_REMEDIATION_STATUSES, REMEDIATION_STATUSES } from '@/lib/healing/vocabulary';
import { testDatabase } from '../../helpers/api';

const now = new Date();

// The first call migrates a fresh database: done before the tests, under the hook's longer timeout.
beforeAll(() => testDatabase());
const base = { action: 'restart' as const, risk: 'high' as const, reason: 't', requestedByKind: 'user' as const, requestedBy: 'ann@example.com' };

describe('the open predicate and the one-open index', () => {
  it('the index the migrations built covers exactly the vocabulary’s open statuses', async () => {
    const { rawQuery } = await testDatabase();
    const [index] = await rawQuery<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = '${ONE_OPEN_INDEX}'`);
    const where = index!.indexdef.slice(index!.indexdef.toUpperCase().indexOf(' WHERE '));
    const statuses = [...where.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(statuses.sort()).toEqual([...OPEN_REMEDIATION_STATUSES].sort());
  });

  it.each(REMEDIATION_STATUSES)('a %s remediation: found as open exactly when the index refuses a second one', async (status) => {
    const { db } = await testDatabase();
    const component = await ensureComponent(db, `open-${status.replace('_', '-')}`);
    const row: NewRemediation = { ...base, componentId: component.id, status, expiresAt: new Date(now.getTime() + 600_000) };
    await insertRemediation(db, row);
    const second = await insertRemediation(db, row).then(
      () => 'inserted',
      (error: unknown) => (isUniqueViolation(error, ONE_OPEN_INDEX) ? 'refused' : error),
    );
    const found = await openRemediationOf(db, component.id, 'restart');
    expect({ refused: second === 'refused', found: found !== undefined }).toEqual({
      refused: (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(status),
      found: (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(status),
    });
  });
});

describe('awaiting a decision versus lapsed, in every read model', () => {
  let ids: Record<'waiting' | 'lapsed' | 'noExpiry', string>;

  beforeAll(async () => {
    const { db } = await testDatabase();
    const make = async (name: string, expiresAt: Date | null) =>
      (await insertRemediation(db, { ...base, componentId: (await ensureComponent(db, name)).id, status: 'pending_approval', expiresAt })).id;
    ids = {
      waiting: await make('await-waiting', new Date(now.getTime() + 600_000)),
      lapsed: await make('await-lapsed', new Date(now.getTime() - 1_000)),
      // Not something the request path writes (a pending request always expires), but the rule must still say which it is.
      noExpiry: await make('await-no-expiry', null),
    };
  });

  it('only the one still decidable is in the queue, the counts and the live list', async () => {
    const { db } = await testDatabase();
    const mine = (list: { id: string }[]) => list.map((r) => r.id).filter((id) => Object.values(ids).includes(id));
    expect(mine(await decidableApprovals(db, now))).toEqual([ids.waiting]);
    expect(mine(await liveRemediations(db, now))).toEqual([ids.waiting]);
    const counts = await pendingApprovalCounts(db, now);
    expect([counts.get('await-waiting'), counts.get('await-lapsed'), counts.get('await-no-expiry')]).toEqual([1, undefined, undefined]);
    expect(await pendingApprovalCount(db, (await ensureComponent(db, 'await-lapsed')).id, now)).toBe(0);
  });

  it('the lapsed ones are in the history, as expired; the decidable one is not', async () => {
    const { db } = await testDatabase();
    const history = (await approvalHistory(db, { now, limit: 500 })).filter((r) => Object.values(ids).includes(r.id));
    expect(history.map((r) => r.id).sort()).toEqual([ids.lapsed, ids.noExpiry].sort());
    expect(history.every((r) => r.status === 'expired')).toBe(true);
  });
});
