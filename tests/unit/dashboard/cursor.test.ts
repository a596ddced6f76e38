import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/dashboard/cursor';

describe('activity cursors', () => {
  it('round-trip with microseconds intact', () => {
    const cursor = { at: '2026-11-30T01:22:03.123456Z', id: 9_007_199 };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a URL as is
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not base64 of a cursor', 'hello'],
    ['millisecond time', Buffer.from('2026-11-30T01:22:03.123Z|5').toString('base64url')],
    ['bad id', Buffer.from('2026-11-30T01:22:03.123456Z|-5').toString('base64url')],
    ['extra part', Buffer.from('2026-11-30T01:22:03.123456Z|5|6').toString('base64url')],
    ['too long', 'a'.repeat(200)],
  ])('reject %s', (_name, raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });
});
