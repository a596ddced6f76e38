/**
 * The one way the console calls out over HTTP (cleanup hooks, Render, Slack,
 * the OIDC provider). A fetch-compatible function with three bounds fetch lacks:
 *
 *   - Bodies are capped (64 KB by default): the answer is streamed and the
 *     connection dropped as soon as it passes the cap, so a hostile or broken
 *     server cannot make the console buffer gigabytes. Reading the body then
 *     fails with OutboundRefusedError('too_large').
 *   - Redirects are followed only within the same origin (scheme, host, port),
 *     at most `maxRedirects` times: 307/308 re-send the request as it was,
 *     301/302/303 are followed for GET/HEAD only (a POST answered so is returned
 *     as the answer it is). A redirect to another origin is refused
 *     (OutboundRefusedError('redirect')): credentials and signatures must not
 *     travel to a host nobody configured. `redirect: 'manual'` returns every 3xx.
 *   - With `addressCheck`, every address the host resolves to (or the literal IP)
 *     is checked before connecting, and the connection is made to exactly the
 *     addresses checked (the resolution is pinned through `lookup`), so DNS
 *     rebinding cannot swap in another address between check and connect.
 *
 * Timeouts stay the caller's: `init.signal` (e.g. AbortSignal.timeout) covers
 * connecting, redirects and reading the body.
 *
 * Built on node:http(s) rather than the global fetch: undici's fetch offers no
 * per-request DNS hook without a dispatcher from a separately installed undici,
 * and Next.js patches the global fetch for its data cache.
 */
import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_REDIRECTS = 3;

export type OutboundRefusal = 'address' | 'redirect' | 'too_large';

/**
 * A call the console refused to make or finish. Its message is safe to show
 * anyone (no address, host or port); `detail` is for the server log only.
 * Never worth a retry: the same call would be refused again.
 */
export class OutboundRefusedError extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** Resolves a host name to every address it has (the default is the system resolver, as fetch uses). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface OutboundOptions {
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Why `address` may not be connected to, or null when it may; runs after resolution, before connecting. */
  addressCheck?: (address: string) => string | null;
  /** For tests: resolve names without DNS. */
  resolve?: Resolver;
}

/** Same signature as fetch, so it drops in wherever fetch is expected (Auth.js's customFetch, Slack). */
export type OutboundFetch = typeof fetch;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

export function createOutboundFetch(options: OutboundOptions = {}): OutboundFetch {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const resolve = options.resolve ?? systemResolver;

  return async (input: string | URL | Request, given: RequestInit = {}) => {
    const init = input instanceof Request ? await fromRequest(input, given) : given;
    let url = new URL(input instanceof Request ? input.url : input);
    let method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    let body = encodeBody(init.body, headers);
    for (let redirects = 0; ; redirects++) {
      const response = await send(url, method, headers, body, init.signal ?? undefined);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || !location || init.redirect === 'manual') return response;
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        throw new OutboundRefusedError('redirect', 'redirected to another host; not followed', { from: url.origin, to: next.origin });
      }
      if (init.redirect === 'error' || redirects >= maxRedirects) {
        throw new OutboundRefusedError('redirect', `redirected more than ${maxRedirects} times; not followed`, { from: url.origin });
      }
      if (response.status < 307) {
        // 301/302/303 mean "GET it there": a POST is not silently turned into a GET.
        if (method !== 'GET' && method !== 'HEAD') return response;
        body = undefined;
        headers.delete('content-type');
        headers.delete('content-length');
      }
      url = next;
      method = response.status < 307 ? (method === 'HEAD' ? 'HEAD' : 'GET') : method;
    }
  };

  async function send(url: URL, method: string, headers: Headers, body: Buffer | undefined, signal: AbortSignal | undefined) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported protocol ${url.protocol}`);
    signal?.throwIfAborted();
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (options.addressCheck && isIP(hostname)) refuseAddress(options.addressCheck, hostname);
    const outgoing: OutgoingHttpHeaders = Object.fromEntries(headers);
    if (body) outgoing['content-length'] = body.length;

    const response = await new Promise<IncomingMessage>((resolveResponse, reject) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        {
          method,
          hostname,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          headers: outgoing,
          // One connection per call: a pooled socket would skip the address check of a later call.
          agent: false,
          signal,
          ...(options.addressCheck && { lookup: pinnedLookup(resolve, options.addressCheck) }),
        },
        resolveResponse,
      );
      request.on('error', (error) => reject(signal?.aborted ? signal.reason : error));
      request.end(body);
    });
    return toResponse(response, maxBodyBytes, signal);
  }
}

/** A Request's parts as RequestInit (what `init` names wins, as in fetch). */
async function fromRequest(request: Request, init: RequestInit): Promise<RequestInit> {
  const body = init.body ?? (request.body ? new Uint8Array(await request.arrayBuffer()) : undefined);
  return {
    method: request.method,
    headers: request.headers,
    redirect: request.redirect,
    signal: request.signal,
    ...init,
    body,
  };
}

function refuseAddress(check: (address: string) => string | null, address: string): void {
  const why = check(address);
  if (why) throw new OutboundRefusedError('address', `address refused: ${why}`, { address });
}

/** A `lookup` for net.connect that resolves, checks every address, and hands over only those. */
function pinnedLookup(resolve: Resolver, check: (address: string) => string | null): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family;
        const usable = addresses.filter((a) => !family || a.family === family);
        if (usable.length === 0) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        // One refused address refuses the name: a host that also resolves to a metadata address is not trusted.
        for (const { address } of usable) refuseAddress(check, address);
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

function encodeBody(body: RequestInit['body'], headers: Headers): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return Buffer.from(body.toString());
  }
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('outbound requests send strings, form parameters or bytes');
}

function toResponse(message: IncomingMessage, maxBodyBytes: number, signal: AbortSignal | undefined): Response {
  const status = message.statusCode ?? 0;
  if (status < 200 || status > 599) {
    message.destroy();
    throw new Error(`unexpected HTTP status ${status}`);
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
    try {
      headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!);
    } catch {
      // A header fetch would refuse is dropped, not fatal.
    }
  }
  if (NULL_BODY.has(status)) {
    message.resume();
    return new Response(null, { status, statusText: message.statusMessage, headers });
  }
  return new Response(cappedBody(message, maxBodyBytes, signal), { status, statusText: message.statusMessage, headers });
}

/** The body as a web stream that errors, and drops the connection, once it passes `limit` bytes. */
function cappedBody(message: IncomingMessage, limit: number, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  let received = 0;
  let settled = false;
  const tooLarge = () =>
    new OutboundRefusedError('too_large', `answer larger than ${Math.round(limit / 1024)} KB; not read`, { limit });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        controller.error(error);
        message.destroy();
      };
      const onAbort = () => fail(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const declared = Number(message.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) return fail(tooLarge());
      message.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > limit) return fail(tooLarge());
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 1) <= 0) message.pause();
      });
      message.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        controller.close();
      });
      message.on('error', fail);
      message.on('close', () => {
        signal?.removeEventListener('abort', onAbort);
        if (!message.complete) fail(new Error('connection closed before the answer was complete'));
      });
    },
    pull() {
      message.resume();
    },
    cancel() {
      settled = true;
      message.destroy();
    },
  });
}
