/**
 * RFC 4180 CSV: a field holding a comma, a double quote, CR or LF is wrapped in
 * double quotes with inner quotes doubled; records end with CRLF.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`
 * or `@` (and, in some, a leading tab or CR) as a formula — and every string in
 * an export can come from outside (agent names, statuses, component metadata).
 * Such a text field is prefixed with `'` (OWASP's advice), which spreadsheets
 * show as text. Numbers are written as they are (`-3` is a number, not a
 * formula), and nothing else is altered, so a CSV parser reads back the value.
 */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** `'` in front of a text that a spreadsheet would otherwise evaluate. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
