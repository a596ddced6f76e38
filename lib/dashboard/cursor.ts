/**
 * Keyset cursors for the activity log, carried in the URL (`?cursor=…`).
 * The timestamp travels as PostgreSQL's own text with microseconds: a JS Date
 * keeps only milliseconds, and a cursor rounded to milliseconds would skip
 * rows whose executed_at differs from it below the millisecond.
 */
export interface Cursor {
  /** executed_at as ISO text with microseconds, e.g. 2026-11-30T01:22:03.123456Z. */
  at: string;
  id: number;
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Null for anything that is not a cursor this module wrote (a hand-edited URL lands on page one). */
export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw || raw.length > 100) return null;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const [at, id, ...rest] = text.split('|');
  if (rest.length > 0 || !at || !EXACT_TIME.test(at) || Number.isNaN(Date.parse(at))) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? { at, id: n } : null;
}
