/**
 * npm run reconciler — the reconciler on its own, beside console servers started
 * with RECONCILER=off (or not: on PostgreSQL only one of them acts per pass).
 * `--once` runs a single pass and prints its counts.
 */
import { getDatabase } from '@/db/client';
import { healingTriggers } from '@/lib/config';
import { log } from '@/lib/log';
import { remediationDeps } from './deps';
import { reconcileExclusively, startReconciler } from './reconciler';

const database = await getDatabase();
const deps = { ...remediationDeps(), triggers: healingTriggers() };
if (process.argv.includes('--once')) {
  const counts = await reconcileExclusively(database, deps);
  console.log(JSON.stringify(counts ?? { skipped: 'another reconciler holds the lock' }));
  await database.close();
} else {
  const handle = startReconciler(database, deps);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      handle.stop();
      log.info('reconciler stopped', { signal });
      void database.close().then(() => process.exit(0));
    });
  }
}
