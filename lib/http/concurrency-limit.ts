/**
 * At most `limit` concurrent holders per key (e.g. exports per principal),
 * counted in this process. A slot is a release function that may be called any
 * number of times — the end, an error and a cancel of one stream can all fire —
 * and frees the slot once.
 */
export class ConcurrencyLimit {
  private readonly held = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** A release function, or null when `key` already holds `limit` slots. */
  tryAcquire(key: string): (() => void) | null {
    const current = this.held.get(key) ?? 0;
    if (current >= this.limit) return null;
    this.held.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }

  inUse(key: string): number {
    return this.held.get(key) ?? 0;
  }
}
