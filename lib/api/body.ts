/**
 * Reads a JSON request body with a hard size cap, counting bytes as they stream
 * in (Content-Length can lie or be absent), and turns parse failures into
 * 400s that say where the JSON broke.
 */
import { ApiError } from './errors';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

// Python's json.dumps writes NaN and Infinity by default; name the field instead of a parse offset.
const NON_FINITE_LITERAL = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?Infinity|NaN)\b/;

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
    const literal = NON_FINITE_LITERAL.exec(text);
    if (literal) {
      throw new ApiError(400, 'malformed_json', `${literal[1]}: ${literal[2]} is not a finite number`, [
        { field: literal[1]!, message: `${literal[2]} is not a finite number` },
      ]);
    }
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
