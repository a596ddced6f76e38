/**
 * Server start-up: open (and migrate) the database before the first request,
 * create the first admin if configured, start the demo simulator when asked and
 * the Prometheus source puller, and the reconciler unless RECONCILER=off (e.g. when `npm run reconciler` runs it apart).
 * Fails loudly: a console that cannot reach its database should not look healthy.
 */
import 'server-only';
import { getDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { bootstrapAdmin } from '@/lib/services/accounts';

export async function startConsole(): Promise<void> {
  // Every variable is validated now, not on first use: a bad value (a half-configured OIDC provider,
  // HEAL_ERROR_THRESH=5 meant as 5%) stops the start with a message naming it.
  const config = env();
  const database = await getDatabase();
  log.info('database ready', { driver: database.driver });
  await bootstrapAdmin(database.db);
  if (!config.authSecretSet) {
    log.warn('AUTH_SECRET is not set: browser sign-in will fail. Set it to a long random string.');
  }
  if (config.simulator.enabled) {
    const { startSimulator } = await import('@/lib/simulator/run');
    startSimulator(database.db, { intervalMs: config.simulator.tickMs });
  }
  const { startSelfMonitoring } = await import('@/lib/remediation/console-health');
  const triggers = config.healingTriggers;
  const { reconcileIntervalMs } = config.remediation;
  // The console is component `console`, measured by the server itself whether or not it reconciles.
  startSelfMonitoring(database, triggers, reconcileIntervalMs);
  const { startPrometheusPuller } = await import('@/lib/services/prometheus-puller');
  startPrometheusPuller(database, { triggers, intervalSeconds: config.prometheusPullIntervalSeconds });
  if (config.reconciler) {
    const [{ startReconciler }, { remediationDeps }] = await Promise.all([
      import('@/lib/remediation/reconciler'),
      import('@/lib/remediation/deps'),
    ]);
    startReconciler(database, { ...remediationDeps(), triggers });
  }
}
