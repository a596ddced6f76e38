/**
 * A local component exposing a cleanup hook, on 127.0.0.1 with an ephemeral port.
 * Register `hook.url` as the component's cleanup URL and `secret` as its secret.
 *
 *   const hook = await startCleanupHookStandIn({ secret: 's3cret' });
 *   hook.inject([{ status: 503 }]);                    // next request fails, then normal answers
 *   ...run a cleanup...
 *   expect(hook.requests[0]!.signatureValid).toBe(true);
 *   await hook.close();
 *
 * With a secret it checks X-SHC-Signature/X-SHC-Timestamp with `verifyHookSignature` and answers
 * 401 `{"error": "invalid signature"}` when they do not verify; without one it accepts anything.
 * A normal answer is 200 with `answer` (default 125.5 MB freed, 8432 objects, 324.2 MB now).
 *
 * Faults are consumed one per request, in order, and replace the answer (no signature check):
 *   { status: 500, body?, headers? }  that status with the body (default {"error": "injected"})
 *   { malformed: {...} }              200 with this JSON instead of the three numbers
 *   { raw: 'not json' }               200 with this text as the body
 *   { timeout: true }                 never answers (until close())
 *   { reset: true }                   destroys the socket (a network error)
 * Every request is recorded, with `signatureValid` (null when no secret is configured).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyHookSignature } from '@/lib/executors/cleanup-hook';

export interface CleanupAnswer {
  memory_freed_mb: number;
  objects_collected: number;
  current_memory_mb: number;
}

export type CleanupHookFault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { malformed: unknown }
  | { raw: string }
  | { timeout: true }
  | { reset: true };

export interface RecordedHookRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  /** null when the stand-in has no secret to check against. */
  signatureValid: boolean | null;
}

export interface CleanupHookStandInOptions {
  secret?: string | null;
  answer?: CleanupAnswer;
  /** Path of the hook (default /internal/cleanup). */
  path?: string;
}

export interface CleanupHookStandIn {
  /** Full URL of the hook. */
  url: string;
  requests: RecordedHookRequest[];
  inject(faults: CleanupHookFault[]): void;
  /** The answer given when no fault is queued; tests may replace it. */
  answer: CleanupAnswer;
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_CLEANUP_ANSWER: CleanupAnswer = {
  memory_freed_mb: 125.5,
  objects_collected: 8432,
  current_memory_mb: 324.2,
};

export async function startCleanupHookStandIn(options: CleanupHookStandInOptions = {}): Promise<CleanupHookStandIn> {
  const secret = options.secret ?? null;
  const hookPath = options.path ?? '/internal/cleanup';
  const requests: RecordedHookRequest[] = [];
  const faults: CleanupHookFault[] = [];
  const state = { answer: { ...(options.answer ?? DEFAULT_CLEANUP_ANSWER) } };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const signatureValid = secret
      ? verifyHookSignature(secret, header('x-shc-timestamp'), rawBody, header('x-shc-signature'))
      : null;
    requests.push({ method: req.method ?? '', path, headers: req.headers, rawBody, body: parseJson(rawBody), signatureValid });

    const fault = faults.shift();
    if (fault) {
      if ('timeout' in fault) return;
      if ('reset' in fault) return void req.socket.destroy();
      if ('malformed' in fault) return send(res, 200, JSON.stringify(fault.malformed));
      if ('raw' in fault) return send(res, 200, fault.raw);
      return send(res, fault.status, JSON.stringify(fault.body ?? { error: 'injected' }), fault.headers);
    }
    if (req.method !== 'POST' || path !== hookPath) return send(res, 404, JSON.stringify({ error: 'not found' }));
    if (signatureValid === false) return send(res, 401, JSON.stringify({ error: 'invalid signature' }));
    return send(res, 200, JSON.stringify(state.answer));
  }

  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}${hookPath}`,
    requests,
    inject: (list) => void faults.push(...list),
    get answer() {
      return state.answer;
    },
    set answer(value: CleanupAnswer) {
      state.answer = value;
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(text);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
