'use server';

/**
 * The admin page's Prometheus source changes (lib/services/prometheus-sources.ts), each
 * through serverAction: session, admin role, zod, then the same service the API calls.
 * They answer the view (no secret); "Test queries" stores nothing.
 */
import { serverAction } from '@/lib/actions/server-action';
import { testSourceQueries } from '@/lib/services/prometheus-pull';
import { createSource, removeSource, requireSource, sourceView, updateSource } from '@/lib/services/prometheus-sources';
import { prometheusSourceIdInput, savePrometheusSourceInput } from '@/lib/validation/prometheus-source';

const admin = { role: 'admin' as const, revalidate: ['/admin'] };

export const savePrometheusSourceAction = serverAction(
  { ...admin, name: 'admin.savePrometheusSource', schema: savePrometheusSourceInput },
  async ({ id, ...input }, { user, db }) => {
    const source = id ? await updateSource(db, id, input, user) : await createSource(db, input, user);
    return sourceView(db, source);
  },
);

export const deletePrometheusSourceAction = serverAction(
  { ...admin, name: 'admin.deletePrometheusSource', schema: prometheusSourceIdInput },
  async ({ id }, { user, db }) => {
    await removeSource(db, id, user);
    return { id };
  },
);

export const testPrometheusSourceAction = serverAction(
  { role: 'admin', name: 'admin.testPrometheusSource', schema: prometheusSourceIdInput },
  async ({ id }, { db }) => {
    const source = await requireSource(db, id);
    const component = source.components[0]!;
    return { component, results: await testSourceQueries(db, source, component, { now: new Date() }) };
  },
);
