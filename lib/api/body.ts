/**
 * Reads a JSON request body with a hard size cap, counting bytes as they stream
 * in (Content-Length can lie or be absent), and turns parse failures into
 * 400s that say where the JSON broke.
 */
import { ApiError } from './errors';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Python's json.dumps writes NaN, Infinity and -Infinity by default, which is
 * not JSON. Rather than a parse offset, such a body is parsed with each bare
 * literal (outside strings) read as the JS number it names; the route's zod
 * schema then rejects every one of them as "must be a finite number", naming
 * each field and each batch item by index (`samples[3].cpu_usage`), exactly
 * as it rejects 1e400 (valid JSON that parses to Infinity).
 */
const NON_FINITE_TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;
/** A string no client sends by accident (it starts with U+0000); the reviver turns it back into the number. */
const NON_FINITE_MARKER = '\u0000shc-non-finite:';

/** The text with every bare NaN/Infinity/-Infinity outside strings quoted as a marker; null when there is none. */
export function quoteNonFiniteLiterals(text: string): string | null {
  const parts: string[] = [];
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    if (ch !== '-' && ch !== 'I' && ch !== 'N') continue;
    const token = NON_FINITE_TOKENS.find((t) => text.startsWith(t, i));
    // Outside strings, valid JSON has no letters but true/false/null: a token here is a bare literal.
    if (!token || /[\w$.]/.test(text[i + token.length] ?? '') || /[\w$.]/.test(text[i - 1] ?? '')) continue;
    parts.push(text.slice(copied, i), JSON.stringify(`${NON_FINITE_MARKER}${token}`));
    copied = i + token.length;
    i = copied - 1;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(copied));
  return parts.join('');
}

function parseWithNonFinite(text: string): { value: unknown } | null {
  const quoted = quoteNonFiniteLiterals(text);
  if (quoted === null) return null;
  try {
    const revive = (_key: string, value: unknown) =>
      typeof value === 'string' && value.startsWith(NON_FINITE_MARKER) ? Number(value.slice(NON_FINITE_MARKER.length)) : value;
    return { value: JSON.parse(quoted, revive) };
  } catch {
    return null; // broken in other ways too: the original parse error says where
  }
}

/** `emptyAs`: what an empty body means, for endpoints whose every field is optional (default: an error). */
export async function readJsonBody(
  request: Request,
  limit = DEFAULT_BODY_LIMIT,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', `body: Content-Type must be application/json, got ${type}`);
  }
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', `body: must be at most ${limit} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();

  const text = await readLimited(request, limit, tooLarge);
  if (text.trim() === '' && options.emptyAs !== undefined) return options.emptyAs;
  if (text.trim() === '') throw new ApiError(400, 'malformed_json', 'body: a JSON object is required');
  try {
    return JSON.parse(text);
  } catch (error) {
    const withNonFinite = parseWithNonFinite(text);
    if (withNonFinite) return withNonFinite.value;
    throw new ApiError(400, 'malformed_json', `body: malformed JSON (${(error as Error).message.slice(0, 200)})`);
  }
}

async function readLimited(request: Request, limit: number, tooLarge: () => ApiError): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
