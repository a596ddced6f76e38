import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityQuery, spanStart } from '@/lib/dashboard/activity-query';
import { encodeCursor } from '@/lib/dashboard/cursor';

describe('activity URL', () => {
  it('reads every filter and the cursor', () => {
    const cursor = { at: '2026-11-30T01:22:03.123456Z', id: 42 };
    expect(
      parseActivityQuery({ component: 'api', type: 'service_restart', status: 'failure', span: '7d', cursor: encodeCursor(cursor) }),
    ).toEqual({ component: 'api', type: 'service_restart', status: 'failure', span: '7d', cursor });
  });

  it('drops malformed values and defaults the span to 24h', () => {
    expect(parseActivityQuery({ component: 'Bad Name', type: "x'; drop", status: ['failure', 'success'], span: '2y', cursor: 'zzz' })).toEqual({
      component: null,
      type: null,
      status: 'failure',
      span: '24h',
      cursor: null,
    });
  });

  it('writes short links that read back the same', () => {
    const q = { component: 'api', type: null, status: 'success', span: 'all' as const, cursor: { at: '2026-11-30T01:22:03.000001Z', id: 7 } };
    const href = activityHref(q);
    expect(href).toMatch(/^\/activity\?component=api&status=success&span=all&cursor=/);
    expect(parseActivityQuery(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(q);
    expect(activityHref({ component: null, type: null, status: null, span: '24h' })).toBe('/activity');
  });

  it('turns the span into a lower bound', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(spanStart('1h', now)).toEqual(new Date('2026-11-30T11:00:00Z'));
    expect(spanStart('all', now)).toBeUndefined();
  });
});
