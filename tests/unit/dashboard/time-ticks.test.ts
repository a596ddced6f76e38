import { describe, expect, it } from 'vitest';
import { bucketSequence, timeTicks } from '@/lib/dashboard/time-ticks';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString().slice(0, 16));

describe('timeTicks', () => {
  it('one hour → round ten minutes across the whole axis', () => {
    expect(iso(timeTicks(at('2026-11-30T00:36:10Z'), at('2026-11-30T01:36:10Z')))).toEqual([
      '2026-11-30T00:40',
      '2026-11-30T00:50',
      '2026-11-30T01:00',
      '2026-11-30T01:10',
      '2026-11-30T01:20',
      '2026-11-30T01:30',
    ]);
  });

  it('seven days → UTC midnights every other day', () => {
    const ticks = timeTicks(at('2026-11-23T01:36:00Z'), at('2026-11-30T01:36:00Z'));
    expect(iso(ticks)).toEqual(['2026-11-25T00:00', '2026-11-27T00:00', '2026-11-29T00:00']);
  });

  it('never exceeds the tick budget and stays inside the axis', () => {
    for (const hours of [0.5, 1, 6, 24, 24 * 7, 24 * 30, 24 * 400]) {
      const from = at('2026-11-30T00:07:13Z');
      const to = from + hours * 3_600_000;
      const ticks = timeTicks(from, to);
      expect(ticks.length, `${hours} h`).toBeLessThanOrEqual(6);
      expect(ticks.length, `${hours} h`).toBeGreaterThanOrEqual(2);
      expect(ticks.every((t) => t >= from && t <= to)).toBe(true);
    }
    expect(timeTicks(5, 5)).toEqual([]);
  });
});

describe('bucketSequence', () => {
  it('lists every bucket start up to the end', () => {
    expect(bucketSequence(0, 250, 100)).toEqual([0, 100, 200]);
    expect(bucketSequence(0, 200, 100)).toEqual([0, 100, 200]);
  });
});
