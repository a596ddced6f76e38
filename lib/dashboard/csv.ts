/**
 * RFC 4180 CSV: a field holding a comma, a double quote, CR or LF is wrapped in
 * double quotes with inner quotes doubled; records end with CRLF. Nothing else
 * is altered, so a spreadsheet or a CSV parser reads back exactly the value.
 */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
