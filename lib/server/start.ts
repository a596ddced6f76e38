/**
 * Server start-up: open (and migrate) the database before the first request,
 * create the first admin if configured, start the demo simulator when asked and
 * the reconciler unless RECONCILER=off (e.g. when `npm run reconciler` runs it apart).
 * Fails loudly: a console that cannot reach its database should not look healthy.
 */
import 'server-only';
import { getDatabase } from '@/db/client';
import { readOidcSettings, requireVerifiedEmail } from '@/lib/auth/oidc';
import { sessionMaxHours } from '@/lib/auth/session-policy';
import { healingTriggers } from '@/lib/config';
import { log } from '@/lib/log';
import { bootstrapAdmin } from '@/lib/services/accounts';

export async function startConsole(): Promise<void> {
  healingTriggers(); // validate HEAL_* now rather than on the first check
  const oidc = readOidcSettings(); // a half-configured OIDC provider refuses to start, like a bad HEAL_*
  if (oidc.error) throw new Error(oidc.error);
  sessionMaxHours(); // SESSION_MAX_HOURS and AUTH_OIDC_REQUIRE_EMAIL_VERIFIED throw on a bad value
  requireVerifiedEmail();
  const database = await getDatabase();
  log.info('database ready', { driver: database.driver });
  await bootstrapAdmin(database.db);
  if (!process.env.AUTH_SECRET) {
    log.warn('AUTH_SECRET is not set: browser sign-in will fail. Set it to a long random string.');
  }
  if (process.env.DEMO_SIMULATOR === '1') {
    const { startSimulator } = await import('@/lib/simulator/run');
    startSimulator(database.db, { intervalMs: Number(process.env.DEMO_TICK_MS) || 5_000 });
  }
  const [{ remediationSettings }, { startSelfMonitoring }] = await Promise.all([
    import('@/lib/remediation/settings'),
    import('@/lib/remediation/console-health'),
  ]);
  const triggers = healingTriggers();
  const { reconcileIntervalMs } = remediationSettings();
  // The console is component `console`, measured by the server itself whether or not it reconciles.
  startSelfMonitoring(database, triggers, reconcileIntervalMs);
  if (process.env.RECONCILER !== 'off') {
    const [{ startReconciler }, { remediationDeps }] = await Promise.all([
      import('@/lib/remediation/reconciler'),
      import('@/lib/remediation/deps'),
    ]);
    startReconciler(database, { ...remediationDeps(), triggers });
  }
}
