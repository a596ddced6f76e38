/**
 * Seeded PRNG for the demo simulator. Scenarios never call Math.random: the caller
 * passes one of these in, so a seed reproduces a whole demo run (and tests are exact).
 */

/** mulberry32: tiny, fast, good enough for demo noise; returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
