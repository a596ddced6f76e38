import { describe, expect, it } from 'vitest';
import { renderQueries, renderQuery } from '@/lib/sources/queries';
import { instantValue, rangeValues } from '@/lib/sources/result';
import { sortStatuses } from '@/lib/sources/status';
import { prometheusSourceSchema } from '@/lib/validation/prometheus-source';

const vector = (...values: string[]) => ({
  status: 'success',
  data: { resultType: 'vector', result: values.map((v, i) => ({ metric: { instance: `i${i}` }, value: [1_700_000_000.5, v] })) },
});

describe('templates', () => {
  it('replaces $component and ${component}, not other variables', () => {
    expect(renderQuery('max(up{service="$component"}) + on() $components + ${component}', 'checkout')).toBe(
      'max(up{service="checkout"}) + on() $components + checkout',
    );
  });
  it('renders the metrics a source defines, memory_mb only when set, in a fixed order', () => {
    const queries = { latency_ms: 'l', cpu_usage: 'c{s="$component"}', memory_usage: 'm', error_rate: 'e' };
    expect(renderQueries(queries, 'a').map((q) => q.metric)).toEqual(['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms']);
    expect(renderQueries({ ...queries, memory_mb: 'mb' }, 'a').at(-1)).toEqual({ metric: 'memory_mb', query: 'mb' });
  });
});

describe('instant answers', () => {
  it('takes one series or a scalar', () => {
    expect(instantValue('cpu_usage', vector('42.5'))).toEqual({ ok: true, value: 42.5, at: new Date(1_700_000_000_500) });
    expect(instantValue('error_rate', { status: 'success', data: { resultType: 'scalar', result: [1_700_000_000, '0.2'] } })).toMatchObject({ ok: true, value: 0.2 });
  });
  it.each([
    ['an empty result', vector(), /no series \(empty result\)/],
    ['several series', vector('1', '2'), /returned 2 series .*exactly one/],
    ['a string', { status: 'success', data: { resultType: 'string', result: [1, 'x'] } }, /returned a string/],
    ['a range vector', { status: 'success', data: { resultType: 'matrix', result: [] } }, /range vector/],
    ['bad PromQL', { status: 'error', errorType: 'bad_data', error: 'parse error' }, /Prometheus refused the query \(bad_data: parse error\)/],
    ['not the API', { hello: 1 }, /not a Prometheus API response/],
    ['NaN', vector('NaN'), /value NaN is out of range/],
    ['+Inf', vector('+Inf'), /value \+Inf is out of range/],
    ['above 100 %', vector('100.5'), /value 100.5 is out of range: cpu_usage must be a percentage between 0 and 100/],
    ['negative', vector('-1'), /value -1 is out of range/],
  ])('refuses %s, saying so', (_what, answer, message) => {
    const result = instantValue('cpu_usage', answer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
  it('checks each metric against its own range', () => {
    expect(instantValue('error_rate', vector('1.5'))).toMatchObject({ ok: false, error: expect.stringMatching(/fraction between 0 and 1/) });
    expect(instantValue('latency_ms', vector('25000'))).toMatchObject({ ok: true, value: 25000 });
  });
});

describe('range answers', () => {
  const matrix = (values: [number, string][]) => ({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
  it('gives the points oldest first', () => {
    expect(rangeValues('memory_usage', matrix([[1, '10'], [61, '11']]))).toEqual({
      ok: true,
      points: [
        { at: new Date(1000), value: 10 },
        { at: new Date(61_000), value: 11 },
      ],
    });
  });
  it('fails on a point out of range rather than keep half a series', () => {
    expect(rangeValues('memory_usage', matrix([[1, '10'], [61, '140']]))).toMatchObject({ ok: false, error: expect.stringMatching(/value 140 is out of range/) });
  });
  it('fails on several series and on no point', () => {
    expect(rangeValues('cpu_usage', { status: 'success', data: { resultType: 'matrix', result: [{ values: [] }, { values: [] }] } }).ok).toBe(false);
    expect(rangeValues('cpu_usage', matrix([]))).toMatchObject({ ok: false, error: expect.stringMatching(/no points/) });
  });
});

describe('status words', () => {
  const s = (source: string, ok: boolean) => ({ source, ok, error: ok ? null : `${source} broke`, checkedAt: '', lastSampleAt: null });
  it('puts failures first, then by source name', () => {
    expect(sortStatuses([s('b', true), s('c', false), s('a', false)]).map((x) => x.source)).toEqual(['a', 'c', 'b']);
  });
});

describe('definition schema', () => {
  const good = {
    name: 'p',
    base_url: 'https://mimir.example.com/prometheus/',
    components: ['a', 'a', 'b'],
    queries: { cpu_usage: 'c', memory_usage: 'm', error_rate: 'e', latency_ms: 'l' },
  };
  it('keeps a path prefix without its trailing slash, defaults auth to none, dedupes components', () => {
    expect(prometheusSourceSchema.parse(good)).toMatchObject({ base_url: 'https://mimir.example.com/prometheus', auth: { kind: 'none' }, components: ['a', 'b'] });
  });
  it.each([
    [{ base_url: 'ftp://x' }, 'base_url'],
    [{ queries: { ...good.queries, extra: 'x' } }, 'queries'],
    [{ queries: { ...good.queries, error_rate: '' } }, 'queries.error_rate'],
    [{ auth: { kind: 'digest' } }, 'auth.kind'],
    [{ auth: { kind: 'basic' } }, 'auth.username'],
  ])('refuses %j naming %s', (change, field) => {
    const result = prometheusSourceSchema.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(field);
  });
});
