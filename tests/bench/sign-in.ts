/**
 * npm run bench:sign-in — does a burst of sign-ins stall other requests?
 *
 * Fires 50 concurrent sign-ins (first at one account, then at 50 accounts,
 * each from its own client address, right passwords) through the credentials
 * check Auth.js's sign-in calls (lib/auth/credentials.ts: rate-limit gate,
 * lookup, scrypt), while sampling GET /api/health every 10 ms; prints the
 * health probe's p50/p95/max with no burst (the baseline, measured first in
 * the same run) beside the figures during each burst. Everything runs in one
 * process against one pool (10 connections), as in the console: route
 * handlers are called in-process with real Request objects, like
 * `npm run bench`. PostgreSQL when DATABASE_URL is set (a fresh database,
 * dropped after), else PGlite in a temporary directory.
 */
import { prepareBenchDatabase } from '../helpers/bench-database';

const BURST = 50;
const BASELINE_MS = 3_000;
const SAMPLE_EVERY_MS = 10;
const PASSWORD = 'bench password for sign-in';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { samples: sorted.length, p50_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
}

const cleanup = await prepareBenchDatabase();
try {
  const { GET: health } = await import('@/app/api/health/route');
  const { getDatabase } = await import('@/db/client');
  const { users } = await import('@/db/schema');
  const { hashPassword } = await import('@/lib/auth/password');
  const { authorizeCredentials } = await import('@/lib/auth/credentials');
  const database = await getDatabase();
  // One hash for every account: the burst pays scrypt, the set-up need not.
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: BURST }, (_, i) => `bench-${i}@example.com`);
  await database.db.insert(users).values(emails.map((email) => ({ email, role: 'viewer' as const, passwordHash })));

  /** Samples the health probe until `until` settles (at least `minMs`); answers the latencies. */
  async function sampleHealth(until: Promise<unknown>, minMs = 0): Promise<number[]> {
    let done = false;
    void until.finally(() => (done = true));
    const started = performance.now();
    const latencies: number[] = [];
    while (!done || performance.now() - started < minMs) {
      const t0 = performance.now();
      const res = await health();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      await sleep(SAMPLE_EVERY_MS);
    }
    return latencies;
  }

  async function burst(accountOf: (i: number) => string, addressBase: string) {
    const t0 = performance.now();
    const outcomes = { signed_in: 0, refused: 0, rate_limited: 0, failed: 0 };
    const work = Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        try {
          const user = await authorizeCredentials(
            database.db,
            { email: accountOf(i), password: PASSWORD },
            new Headers({ 'x-forwarded-for': `${addressBase}.${i + 1}` }),
          );
          outcomes[user ? 'signed_in' : 'refused']++;
        } catch (error) {
          outcomes[(error as { code?: string }).code === 'rate_limited' ? 'rate_limited' : 'failed']++;
        }
      }),
    );
    const latencies = await sampleHealth(work);
    return { health: summary(latencies), burst_ms: Math.round(performance.now() - t0), outcomes };
  }

  // Warm-up: JIT, pool connections, one scrypt.
  await authorizeCredentials(database.db, { email: emails[0], password: PASSWORD }, new Headers({ 'x-forwarded-for': '192.0.2.250' }));
  const baseline = summary(await sampleHealth(sleep(BASELINE_MS), BASELINE_MS));
  const oneAccount = await burst(() => emails[1]!, '198.51.100');
  const manyAccounts = await burst((i) => emails[i]!, '203.0.113');

  console.log(
    JSON.stringify(
      {
        driver: database.driver,
        burst: BURST,
        'health_without_burst (baseline)': baseline,
        'health_during_burst_one_account': oneAccount,
        'health_during_burst_50_accounts': manyAccounts,
      },
      null,
      2,
    ),
  );
  await database.close();
} finally {
  await cleanup();
}
