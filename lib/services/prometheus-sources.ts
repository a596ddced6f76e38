/**
 * Prometheus sources as the admin manages them (API routes and the admin page's
 * actions both come here). What leaves this module is the view: the stored
 * secret (bearer token or basic-auth password) is write-only — the view says
 * whether one is set, never what it is — as for a component's hook secret.
 * Base URLs follow the cleanup hooks' address rule (400 naming base_url).
 */
import 'server-only';
import type { Db } from '@/db/client';
import {
  deletePrometheusSource,
  insertPrometheusSource,
  listPrometheusSources,
  prometheusSourceById,
  prometheusSourceByName,
  pruneSourceStatuses,
  resetSourceBackfill,
  sourceStatuses,
  updatePrometheusSource,
} from '@/db/queries/prometheus-sources';
import type { PrometheusQueries, PrometheusSource } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import type { Resolver } from '@/lib/executors/http/outbound';
import { sortStatuses, type SourceStatusView } from '@/lib/sources/status';
import type { PrometheusSourceInput } from '@/lib/validation/prometheus-source';
import { auditAdmin, type AuditActor } from './admin/audit';
import { assertOutboundUrlAllowed } from './hook-addresses';

export interface PrometheusSourceView {
  id: string;
  name: string;
  base_url: string;
  auth: { kind: 'none' } | { kind: 'bearer'; token_set: boolean } | { kind: 'basic'; username: string; password_set: boolean };
  queries: PrometheusQueries;
  components: string[];
  statuses: (SourceStatusView & { component: string })[];
  created_by: string;
  updated_at: string;
}

function authView(source: PrometheusSource): PrometheusSourceView['auth'] {
  if (source.authKind === 'bearer') return { kind: 'bearer', token_set: source.authSecret !== null };
  if (source.authKind === 'basic') return { kind: 'basic', username: source.authUsername ?? '', password_set: source.authSecret !== null };
  return { kind: 'none' };
}

export async function sourceView(db: Db, source: PrometheusSource): Promise<PrometheusSourceView> {
  const statuses = (await sourceStatuses(db, source.id)).map((s) => ({
    source: source.name,
    component: s.component,
    ok: s.ok,
    error: s.error,
    checkedAt: s.checkedAt.toISOString(),
    lastSampleAt: s.lastSampleAt?.toISOString() ?? null,
  }));
  return {
    id: source.id,
    name: source.name,
    base_url: source.baseUrl,
    auth: authView(source),
    queries: source.queries,
    components: source.components,
    statuses: sortStatuses(statuses) as PrometheusSourceView['statuses'],
    created_by: source.createdBy,
    updated_at: source.updatedAt.toISOString(),
  };
}

export async function listSourceViews(db: Db): Promise<PrometheusSourceView[]> {
  return Promise.all((await listPrometheusSources(db)).map((s) => sourceView(db, s)));
}

export async function requireSource(db: Db, id: string): Promise<PrometheusSource> {
  const source = /^[0-9a-f-]{36}$/i.test(id) ? await prometheusSourceById(db, id) : null;
  if (!source) throw new DomainError('not_found', `prometheus source ${id} not found`);
  return source;
}

/** The stored auth columns; a secret left out on update keeps the stored one when the kind is unchanged. */
function authColumns(input: PrometheusSourceInput['auth'], existing: PrometheusSource | null) {
  const keep = existing && existing.authKind === input.kind ? existing.authSecret : null;
  if (input.kind === 'bearer') {
    const token = input.token ?? keep;
    if (!token) throw new DomainError('validation_failed', 'auth.token: is required', { issues: [{ field: 'auth.token', message: 'is required' }] });
    return { authKind: 'bearer' as const, authUsername: null, authSecret: token };
  }
  if (input.kind === 'basic') return { authKind: 'basic' as const, authUsername: input.username, authSecret: input.password ?? keep };
  return { authKind: 'none' as const, authUsername: null, authSecret: null };
}

function conflictIfTaken(taken: PrometheusSource | null, id?: string) {
  if (taken && taken.id !== id) {
    throw new DomainError('conflict', `name: a prometheus source named ${taken.name} exists`, { issues: [{ field: 'name', message: 'is taken' }] });
  }
}

export async function createSource(db: Db, input: PrometheusSourceInput, actor: AuditActor, resolve?: Resolver): Promise<PrometheusSource> {
  await assertOutboundUrlAllowed(db, input.base_url, 'base_url', resolve);
  return db.transaction(async (tx) => {
    conflictIfTaken(await prometheusSourceByName(tx, input.name));
    const source = await insertPrometheusSource(tx, {
      name: input.name,
      baseUrl: input.base_url,
      ...authColumns(input.auth, null),
      queries: input.queries,
      components: input.components,
      createdBy: actor.email,
    });
    await auditAdmin(tx, actor, 'prometheus_source.create', source.name, { base_url: source.baseUrl, components: source.components.join(', ') });
    return source;
  });
}

export async function updateSource(db: Db, id: string, input: PrometheusSourceInput, actor: AuditActor, resolve?: Resolver): Promise<PrometheusSource> {
  await assertOutboundUrlAllowed(db, input.base_url, 'base_url', resolve);
  return db.transaction(async (tx) => {
    const existing = await requireSource(tx, id);
    conflictIfTaken(await prometheusSourceByName(tx, input.name), id);
    const updated = (await updatePrometheusSource(tx, id, {
      name: input.name,
      baseUrl: input.base_url,
      ...authColumns(input.auth, existing),
      queries: input.queries,
      components: input.components,
    }))!;
    await pruneSourceStatuses(tx, id, input.components);
    // Other data behind the same component names: the last hour is pulled again.
    if (existing.baseUrl !== updated.baseUrl || JSON.stringify(existing.queries) !== JSON.stringify(updated.queries)) {
      await resetSourceBackfill(tx, id);
    }
    await auditAdmin(tx, actor, 'prometheus_source.update', updated.name, { base_url: updated.baseUrl, components: updated.components.join(', ') });
    return updated;
  });
}

export async function removeSource(db: Db, id: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const source = await requireSource(tx, id);
    await deletePrometheusSource(tx, id);
    await auditAdmin(tx, actor, 'prometheus_source.delete', source.name);
  });
}
