import { describe, expect, it } from 'vitest';
import { queuedKeyCount, Semaphore, withKeys } from '@/lib/auth/sign-in-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('Semaphore', () => {
  it('runs at most `size` at once, the rest in arrival order', async () => {
    const slots = new Semaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        slots.run(async () => {
          running++;
          most = Math.max(most, running);
          await tick();
          order.push(i);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(slots.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when the work throws', async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('withKeys', () => {
  it('serialises holders of a shared key, lets disjoint keys run together, and forgets idle keys', async () => {
    const events: string[] = [];
    const job = (name: string, keys: string[]) =>
      withKeys(keys, async () => {
        events.push(`${name}+`);
        await tick();
        await tick();
        events.push(`${name}-`);
      });
    await Promise.all([job('a', ['acct:x', 'addr:1']), job('b', ['addr:1', 'acct:y']), job('c', ['acct:z', 'addr:2'])]);
    // b shares addr:1 with a, so it starts only after a ends; c shares nothing and runs alongside a.
    expect(events.indexOf('b+')).toBeGreaterThan(events.indexOf('a-'));
    expect(events.indexOf('c+')).toBeLessThan(events.indexOf('a-'));
    expect(queuedKeyCount()).toBe(0);
  });

  it('does not deadlock when callers name the same keys in opposite orders', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => withKeys(i % 2 ? ['k1', 'k2'] : ['k2', 'k1'], async () => i)),
    );
    expect(results).toHaveLength(10);
  });

  it('releases the keys when the work throws', async () => {
    await expect(withKeys(['k'], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withKeys(['k'], async () => 'next')).resolves.toBe('next');
    expect(queuedKeyCount()).toBe(0);
  });
});
