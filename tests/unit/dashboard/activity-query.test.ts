import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityQuery, spanStart } from '@/lib/dashboard/activity-query';
import { encodeCursor } from '@/lib/dashboard/cursor';

describe('activity URL', () => {
  it('reads every filter and the cursor', () => {
    const cursor = { at: '2026-11-30T01:22:03.123456Z', id: 42 };
    expect(
      parseActivityQuery({ component: 'api', type: 'service_restart', status: 'failure', span: '7d', cursor: encodeCursor(cursor) }),
    ).toEqual({ query: { component: 'api', type: 'service_restart', status: 'failure', span: '7d', cursor }, problems: [] });
  });

  it('does not apply malformed values, and says which field and why', () => {
    const { query, problems } = parseActivityQuery({
      component: 'Bad Name',
      type: "x'; drop",
      status: ['failure', 'success'],
      span: '2y',
      cursor: 'zzz',
    });
    expect(query).toEqual({ component: null, type: null, status: 'failure', span: '24h', cursor: null });
    expect(problems).toEqual([
      { field: 'component', message: 'component: must be one component name (lowercase letters, digits, . _ -); not applied' },
      { field: 'type', message: 'type: must be one action type (lowercase letters, digits, _); not applied' },
      { field: 'status', message: 'status: give one value (2 were given; the first is used)' },
      { field: 'span', message: 'span: must be one of 1h, 24h, 7d, 30d (at most 30 days); showing the last 24 hours' },
      { field: 'cursor', message: 'cursor: not a page link of this log; showing the newest rows' },
    ]);
  });

  it('bounds the span to 30 days: "all" and longer spans are refused', () => {
    for (const span of ['all', '90d', '31d', '1y']) {
      const { query, problems } = parseActivityQuery({ span });
      expect(query.span).toBe('24h');
      expect(problems.map((p) => p.field)).toEqual(['span']);
    }
    expect(parseActivityQuery({ span: '30d' })).toEqual({
      query: { component: null, type: null, status: null, span: '30d', cursor: null },
      problems: [],
    });
  });

  it('an empty value is no filter, not a problem', () => {
    expect(parseActivityQuery({ component: '', status: '' }).problems).toEqual([]);
  });

  it('writes short links that read back the same', () => {
    const q = { component: 'api', type: null, status: 'success', span: '30d' as const, cursor: { at: '2026-11-30T01:22:03.000001Z', id: 7 } };
    const href = activityHref(q);
    expect(href).toMatch(/^\/activity\?component=api&status=success&span=30d&cursor=/);
    expect(parseActivityQuery(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual({ query: q, problems: [] });
    expect(activityHref({ component: null, type: null, status: null, span: '24h' })).toBe('/activity');
  });

  it('turns the span into a lower bound', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(spanStart('1h', now)).toEqual(new Date('2026-11-30T11:00:00Z'));
    expect(spanStart('30d', now)).toEqual(new Date('2026-10-31T12:00:00Z'));
  });
});
