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

  it('does not touch the export header row', () => {
    const header = ['id', 'executed_at', 'agent_name', 'action_type', 'status', 'component', 'metadata'];
    expect(csvRecord(header)).toBe(header.join(',') + '\r\n');
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('%j → %j (a spreadsheet shows it as text)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves text that starts harmlessly, and numbers, as they are', () => {
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField('{"component":"=x"}')).toBe('"{""component"":""=x""}"');
    expect(csvField('2026-11-29T12:00:00.000Z')).toBe('2026-11-29T12:00:00.000Z');
    expect(csvField(-3)).toBe('-3');
  });

  it('reads back as the prefixed text through a CSV reader', () => {
    expect(parseCsv(csvRecord(['=cmd|x', 'ok']))).toEqual([["'=cmd|x", 'ok']]);
  });
});
