import { describe, expect, it } from 'vitest';
import { limitLiftsAt, minutesUntil } from '@/lib/auth/sign-in-limit';

const minute = 60_000;
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 12, 0) + m * minute);

describe('limitLiftsAt', () => {
  it('is null below the limit', () => {
    expect(limitLiftsAt([at(-1), at(-2), at(-3), at(-4)], 5, 15 * minute)).toBeNull();
    expect(limitLiftsAt([], 5, 15 * minute)).toBeNull();
  });
  it('lifts when the max-th newest failure leaves the window', () => {
    const failures = [at(-1), at(-2), at(-3), at(-4), at(-10)];
    expect(limitLiftsAt(failures, 5, 15 * minute)).toEqual(at(5));
    // Older failures beyond the limit do not matter: the newest five decide.
    expect(limitLiftsAt([...failures, at(-12)], 5, 15 * minute)).toEqual(at(5));
  });
});

describe('minutesUntil', () => {
  it('rounds up and never says 0', () => {
    expect(minutesUntil(at(5), at(0))).toBe(5);
    expect(minutesUntil(new Date(at(4).getTime() + 1), at(0))).toBe(5);
    expect(minutesUntil(new Date(at(0).getTime() + 500), at(0))).toBe(1);
  });
});
