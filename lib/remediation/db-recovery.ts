/**
 * recover_database_connection for the console's own pool. postgres.js
 * reconnects by itself once the server is back; what the console adds is
 * knowing it is down (so requests answer 503 at once instead of queueing),
 * probing with exponential backoff and full jitter until it is back, and
 * recording the recovery (`db_connection_recovered`).
 *
 * Only a real recovery is recorded: a probe that finds the database reachable at
 * once, when nothing had reported it down, answers `recovered: false` and writes
 * no row (else every on-demand probe would count as a recovery in analytics).
 */
import 'server-only';
import { getDatabase, type Database } from '@/db/client';
import { recordBrain } from '@/db/queries/brain';
import { backoffDelay, defaultSleep } from '@/lib/executors/retry';
import { log } from '@/lib/log';

export interface RecoveryOptions {
  /** Probes before giving up; the background watchdog passes Infinity. */
  maxAttempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RecoveryResult {
  success: boolean;
  /** True when the database had been down (reported down, or a probe failed) and now answers. */
  recovered: boolean;
  component: 'console';
  attempts: number;
  downtime_ms: number;
  message: string;
}

export const RECOVERY_DEFAULTS = { maxAttempts: 8, baseMs: 250, capMs: 10_000 } as const;

/**
 * `downSince`: when the database was found down (the watchdog passes it); absent
 * for an on-demand probe, which then counts as a recovery only if a probe failed.
 */
export async function recoverDatabaseConnection(
  open: () => Promise<Database>,
  options: RecoveryOptions = {},
  downSince?: number,
): Promise<RecoveryResult> {
  const since = downSince ?? Date.now();
  const { maxAttempts, baseMs, capMs } = { ...RECOVERY_DEFAULTS, ...options };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const database = await open();
      await database.rawQuery('select 1');
      if (downSince === undefined && attempt === 1) {
        return {
          success: true,
          recovered: false,
          component: 'console',
          attempts: 1,
          downtime_ms: 0,
          message: 'database was reachable; nothing to recover',
        };
      }
      const result: RecoveryResult = {
        success: true,
        recovered: true,
        component: 'console',
        attempts: attempt,
        downtime_ms: Date.now() - since,
        message: `database connection recovered after ${attempt} attempt${attempt === 1 ? '' : 's'}`,
      };
      await recordBrain(database.db, { actionType: 'db_connection_recovered', status: 'success', metadata: { ...result } });
      log.info('db_connection_recovered', { attempts: attempt, downtime_ms: result.downtime_ms });
      return result;
    } catch (error) {
      lastError = error;
      if (attempt < maxAttempts) await sleep(backoffDelay(attempt - 1, random, baseMs, capMs));
    }
  }
  log.error('database connection not recovered', { attempts: maxAttempts, error: lastError });
  return {
    success: false,
    recovered: false,
    component: 'console',
    attempts: maxAttempts,
    downtime_ms: Date.now() - since,
    message: `database still unreachable after ${maxAttempts} attempts`,
  };
}

// ── The watchdog: one recovery loop per process, started by the first connection failure.

interface WatchdogState {
  degradedSince: number | null;
  recovering: Promise<RecoveryResult> | null;
}
const globalForWatchdog = globalThis as typeof globalThis & { __shcDbWatchdog?: WatchdogState };
const state = (globalForWatchdog.__shcDbWatchdog ??= { degradedSince: null, recovering: null });

/** Null when the database is believed healthy; else when it went away. */
export function databaseDegradedSince(): Date | null {
  return state.degradedSince === null ? null : new Date(state.degradedSince);
}

/** Called wherever a query fails with a connection error. Starts the recovery loop once. */
export function reportDatabaseFailure(error: unknown, open: () => Promise<Database> = getDatabase): void {
  if (state.recovering) return;
  state.degradedSince = Date.now();
  log.error('database connection lost; recovering in the background', { error });
  state.recovering = recoverDatabaseConnection(open, { maxAttempts: Infinity }, state.degradedSince).finally(() => {
    state.degradedSince = null;
    state.recovering = null;
  });
}
