import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '@/lib/dashboard/csv';
import { parseCsv } from '../../helpers/parse-csv';

describe('RFC 4180 fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and null as empty', () => {
    expect(csvField(42)).toBe('42');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('ends records with CRLF', () => {
    expect(csvRecord(['id', 'a,b', 3])).toBe('id,"a,b",3\r\n');
  });

  it('round-trips JSON metadata through a CSV reader', () => {
    const metadata = JSON.stringify({ component: 'api', reason: 'said "no", then\nleft', n: [1, 2] });
    const text = csvRecord(['id', 'metadata']) + csvRecord([7, metadata]) + csvRecord([8, '{}']);
    expect(parseCsv(text)).toEqual([
      ['id', 'metadata'],
      ['7', metadata],
      ['8', '{}'],
    ]);
    expect(JSON.parse(parseCsv(text)[1]![1]!)).toMatchObject({ reason: 'said "no", then\nleft' });
  });
});
