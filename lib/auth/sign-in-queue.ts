/**
 * In-process queues for sign-in work, so that waiting costs no database
 * connection. A burst of sign-ins used to wait inside transactions (each on an
 * advisory lock, holding a pool connection), starving every other request of
 * the pool; now waiters queue here, in memory:
 *
 * - `withKeys`: one holder at a time per key (an account, a client address),
 *   keys taken in sorted order so two callers cannot deadlock;
 * - `Semaphore`: at most N holders at once (scrypt runs, sign-in transactions),
 *   so a burst over many accounts uses a bounded share of the pool and of
 *   libuv's thread pool (which scrypt shares with file and DNS work).
 *
 * Across processes (PostgreSQL) the per-key lock is a transaction-scoped
 * advisory try-lock taken inside a short transaction (db/queries/sign-in-attempts.ts).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter (the count stays), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Holders and waiters right now (for tests and the benchmark). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}

/** The tail of each key's queue; a key is deleted once nobody holds or waits for it. */
const tails = new Map<string, Promise<void>>();

async function withKey<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/** Runs `fn` holding every key in `keys` (in-process), taken in sorted order. */
export function withKeys<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const run = (i: number): Promise<T> => (i === sorted.length ? fn() : withKey(sorted[i]!, () => run(i + 1)));
  return run(0);
}

/** How many keys have a holder or waiters (tests check nothing leaks). */
export function queuedKeyCount(): number {
  return tails.size;
}
