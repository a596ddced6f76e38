/** Bare NaN / Infinity literals (Python's json.dumps) are found outside strings only. */
import { describe, expect, it } from 'vitest';
import { quoteNonFiniteLiterals } from '@/lib/api/body';

describe('quoteNonFiniteLiterals', () => {
  it('quotes each bare literal and leaves strings alone', () => {
    const quoted = quoteNonFiniteLiterals('{"a": NaN, "b": "NaN \\"Infinity", "c": [-Infinity, Infinity], "NaN": 1}');
    expect(quoted).not.toBeNull();
    const parsed = JSON.parse(quoted!);
    expect(parsed.b).toBe('NaN "Infinity');
    expect(parsed.NaN).toBe(1);
    expect([parsed.a, ...parsed.c].map((v: string) => v.split(':').at(-1))).toEqual(['NaN', '-Infinity', 'Infinity']);
  });

  it('is null when there is nothing to quote', () => {
    expect(quoteNonFiniteLiterals('{"a": "NaN", "b": 1e400}')).toBeNull();
    expect(quoteNonFiniteLiterals('{"a": NaNa}')).toBeNull();
  });
});
