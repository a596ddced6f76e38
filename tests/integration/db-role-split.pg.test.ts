/**
 * The PostgreSQL role split of the README ("PostgreSQL roles"): migrations run as
 * the owner (DATABASE_MIGRATION_URL), requests as a runtime role with exactly the
 * README's grants. The console works as that role; the audit logs cannot be
 * rewritten by it, nor their triggers disabled.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postHealth } from '@/app/api/v1/components/[name]/health/route';
import { getDatabase, openDatabase } from '@/db/client';
import { activityPage } from '@/db/queries/activity';
import { recentAdminEvents } from '@/db/queries/admin-events';
import { findUserByEmail } from '@/db/queries/users';
import type { SessionUser } from '@/lib/auth/session';
import { adminSetPause } from '@/lib/services/admin/settings';
import { adminCreateUser, adminSetUserRole } from '@/lib/services/admin/users';
import { createUser } from '@/lib/services/accounts';
import { call, createTestToken } from '../helpers/api';

const globalForDb = globalThis as typeof globalThis & { __shcDatabase?: Promise<{ close(): Promise<void> }> };

const ownerUrl = process.env.DATABASE_URL!; // this file's fresh database, as the server's superuser
const role = `shc_runtime_${randomBytes(4).toString('hex')}`;
const runtimeUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = '';
  return url.toString();
})();
const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });

/** The README's block, verbatim but for the names. */
function readmeGrants(database: string, ownerRole: string): string {
  const readme = fs.readFileSync('README.md', 'utf8');
  const block = /<!-- runtime-role-grants[^>]*-->\n```sql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md lost its runtime-role-grants block');
  return block
    .replaceAll('console_app', role)
    .replaceAll('console_owner', ownerRole)
    .replace('ON DATABASE console ', `ON DATABASE ${database} `);
}

let actor: SessionUser;

beforeAll(async () => {
  // Migrate as the owner (the default single-URL path), then grant as the README says.
  const first = await getDatabase();
  const [names] = await owner<{ db: string; me: string }[]>`select current_database() as db, current_user as me`;
  await owner.unsafe(readmeGrants(names!.db, names!.me));
  await first.close();
  globalForDb.__shcDatabase = undefined;
  // From here on the console is configured as in production: two URLs.
  process.env.DATABASE_URL = runtimeUrl;
  process.env.DATABASE_MIGRATION_URL = ownerUrl;
  const admin = await createUser((await getDatabase()).db, { email: 'root@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: admin.id, email: admin.email, name: admin.email, role: 'admin' };
});

afterAll(async () => {
  const open = globalForDb.__shcDatabase;
  globalForDb.__shcDatabase = undefined;
  if (open) await (await open).close();
  process.env.DATABASE_URL = ownerUrl;
  delete process.env.DATABASE_MIGRATION_URL;
  // Roles are cluster-wide: take back what it was granted here, then drop it.
  await owner.unsafe(`drop owned by ${role}; drop role ${role}`);
  await owner.end();
});

describe('the console runs as the runtime role', () => {
  it('is connected as that role, not as the owner', async () => {
    const [row] = await (await getDatabase()).rawQuery<{ me: string }>('select current_user as me');
    expect(row!.me).toBe(role);
  });

  it('ingests, audits admin changes and reads the logs', async () => {
    const token = await createTestToken('operator');
    const sample = { cpu_usage: 20, memory_usage: 30, error_rate: 0.001, latency_ms: 120 };
    const res = await call(postHealth, { params: { name: 'api' }, token, body: sample });
    expect(res.status).toBe(200);

    const { db } = await getDatabase();
    const ops = await adminCreateUser(db, actor, { email: 'ops@example.com', role: 'operator', password: 'initial password 1', name: undefined });
    await adminSetUserRole(db, actor, { userId: ops.id, role: 'approver' });
    await adminSetPause(db, actor, { paused: true });
    expect((await findUserByEmail(db, 'ops@example.com'))!.role).toBe('approver');
    expect((await recentAdminEvents(db, 10)).map((e) => e.action)).toEqual(['automation.pause', 'user.role', 'user.create']);
    const activity = await activityPage(db, { component: 'api', since: new Date(Date.now() - 3_600_000) }, { cursor: null, limit: 10 });
    expect(activity.rows.map((r) => r.actionType)).toContain('proactive_health_check');
  });

  it('applies pending migrations as the owner, not as itself', async () => {
    // The runtime role alone cannot migrate: it may not create the migrations schema's tables.
    const alone = await openDatabase({ url: runtimeUrl }).then(
      (d) => d.close().then(() => null),
      (e: unknown) => e as { cause?: { code?: string } },
    );
    expect(alone?.cause?.code).toBe('42501'); // insufficient_privilege
    const both = await openDatabase({ url: runtimeUrl, migrationUrl: ownerUrl });
    await both.close();
  });
});

describe('the runtime role cannot rewrite the audit logs', () => {
  const count = async (table: string) =>
    Number((await (await getDatabase()).rawQuery<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

  it.each([
    ['unified_brain', `update unified_brain set status = 'forged'`, /permission denied for table unified_brain/],
    ['unified_brain', `delete from unified_brain`, /permission denied for table unified_brain/],
    ['unified_brain', `truncate unified_brain`, /permission denied for table unified_brain/],
    ['unified_brain', `alter table unified_brain disable trigger unified_brain_no_update_delete`, /must be owner of table unified_brain/],
    ['unified_brain', `alter table unified_brain disable trigger all`, /must be owner of table unified_brain/],
    ['unified_brain', `drop trigger unified_brain_no_update_delete on unified_brain`, /must be owner of (table|relation) unified_brain/],
    ['admin_events', `update admin_events set actor = 'someone-else'`, /permission denied for table admin_events/],
    ['admin_events', `delete from admin_events`, /permission denied for table admin_events/],
    ['admin_events', `alter table admin_events disable trigger admin_events_no_update_delete`, /must be owner of table admin_events/],
    ['admin_events', `drop table admin_events`, /must be owner of table admin_events/],
  ])('%s: %s is refused', async (table, statement, message) => {
    const before = await count(table);
    expect(before).toBeGreaterThan(0);
    await expect((await getDatabase()).rawQuery(statement)).rejects.toThrow(message);
    expect(await count(table)).toBe(before);
  });

  it('while the owner is still held by the trigger', async () => {
    await expect(owner.unsafe(`delete from admin_events`)).rejects.toThrow(/admin_events is append-only: DELETE/);
  });
});
