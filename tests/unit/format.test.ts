import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDurationMinutes,
  formatDurationMs,
  formatDurationSeconds,
  formatPlainValue,
  formatRate,
  formatTick,
  formatUtc,
} from '@/lib/format';

describe('formatting (lib/format.ts)', () => {
  it('shows times in UTC', () => {
    expect(formatUtc('2026-11-29T23:43:49.120Z')).toBe('2026-11-29 23:43 UTC');
    expect(formatUtc(new Date('2026-11-29T23:43:49.120Z'), true)).toBe('2026-11-29 23:43:49 UTC');
    // What the admin panels showed for a missing time (components/admin/format.ts, merged here).
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc(undefined)).toBe('—');
  });

  it('ticks show the date once a chart spans days', () => {
    const t = Date.parse('2026-11-29T14:05:00Z');
    expect(formatTick(t, 3_600_000)).toBe('14:05');
    expect(formatTick(t, 7 * 86_400_000)).toBe('Nov 29 14:05');
  });

  it('ages', () => {
    expect(formatAge(0, 12_000)).toBe('12s ago');
    expect(formatAge(0, 4 * 60_000)).toBe('4 min ago');
    expect(formatAge(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(0, 3 * 86_400_000)).toBe('3 days ago');
    expect(formatAge(5_000, 0)).toBe('0s ago');
  });

  it('durations and rates', () => {
    expect(formatDurationSeconds(42)).toBe('42.0 s');
    expect(formatDurationSeconds(456)).toBe('7.6 min');
    expect(formatDurationSeconds(7200)).toBe('2.0 h');
    expect(formatDurationSeconds(null)).toBe('—');
    expect(formatRate(5 / 6)).toBe('83%');
    expect(formatRate(null)).toBe('—');
  });

  // Merged here from components/remediation/format.ts (approval countdowns, dialog wording, result fields).
  it('durations with their unit in the name', () => {
    expect(formatDurationMs(75_000)).toBe('1m 15s');
    expect(formatDurationMs(3_700_000)).toBe('1h 01m');
    expect(formatDurationMs(-5)).toBe('0s');
    expect(formatDurationMinutes(0.5)).toBe('30 s');
    expect(formatDurationMinutes(10)).toBe('10 min');
  });

  it('a timestamp with an offset is shown in UTC, not as written', () => {
    expect(formatUtc('2026-11-29T23:43:49+02:00', true)).toBe('2026-11-29 21:43:49 UTC');
  });

  it('plain values', () => {
    expect(formatPlainValue(null)).toBe('—');
    expect(formatPlainValue({ a: 1 })).toBe('{"a":1}');
    expect(formatPlainValue(3)).toBe('3');
  });
});
