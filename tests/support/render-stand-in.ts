/**
 * A local stand-in for Render's REST API (the part the console uses), on
 * 127.0.0.1 with an ephemeral port. Point the console at it with
 * `RENDER_API_URL = standIn.url` (already ends in /v1) and `RENDER_API_KEY = <apiKey>`.
 *
 *   const render = await startRenderStandIn({
 *     apiKey: 'rnd_test',
 *     services: {
 *       'srv-api1': { deploys: [                       // newest first, like Render
 *         { id: 'dep-3', status: 'live', commit: { id: 'c3' } },
 *         { id: 'dep-2', status: 'build_failed' },
 *         { id: 'dep-1', status: 'deactivated', commit: { id: 'c1' } },
 *       ] },
 *     },
 *   });
 *   render.inject('restart', [{ status: 429, headers: { 'Retry-After': '0' } }, { status: 503 }]);
 *   ...call the console...
 *   expect(render.requestsTo('restart')).toHaveLength(3);
 *   expect(render.requests[0]!.headers.authorization).toBe('Bearer rnd_test');
 *   expect(render.services['srv-api1']!.autoDeploy).toBe('no');
 *   await render.close();
 *
 * Routes (as Render): POST /v1/services/:id/restart → 200 (empty body);
 * GET /v1/services/:id/deploys?limit=N → 200 [{deploy, cursor}];
 * POST /v1/services/:id/rollback {deployId} → 201 new live deploy (the service's state changes:
 * the old live deploy becomes `deactivated`, a new `live` deploy of the target's commit is prepended);
 * PATCH /v1/services/:id {autoDeploy: 'yes'|'no'} → 200 service;
 * GET /v1/services/:id → 200 the service object (`serviceDetails.numInstances`, and
 * `serviceDetails.autoscaling` when configured; static sites and cron jobs carry no count);
 * POST /v1/services/:id/scale {numInstances: 1…100} → 202 (empty body). While autoscaling is
 * enabled Render ignores the manual count: the stand-in keeps it as `manualNumInstances` and
 * leaves `numInstances` as autoscaling has it, as Render does.
 * Errors look like Render's: `{id, message, code}` (code: a word for the status, e.g. `not_found`) —
 * 401 'unauthorized' without `Authorization: Bearer <apiKey>`, 404 'service not found' for an unknown
 * service, 400 for a bad body. Rate limiting (429) can be injected with Render's `Ratelimit-Reset`
 * header, which Render documents as the UTC epoch second the window resets.
 *
 * Every request is recorded (method, path, query, headers, raw and parsed body) before anything
 * else, including requests answered by an injected fault. Faults are queued per route and
 * consumed one per request, in order; they replace the answer entirely (no auth check):
 *   { status: 503 }                                   status with a Render-style error body
 *   { status: 500, body: {...} | 'text', headers }    custom body/headers
 *   { timeout: true }                                 never answers (until close())
 *   { reset: true }                                   destroys the socket (a network error)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RenderRoute = 'restart' | 'deploys' | 'rollback' | 'update' | 'service' | 'scale';

/** Render's service types; only the first three have instances to scale. */
export type StandInServiceType = 'web_service' | 'private_service' | 'background_worker' | 'static_site' | 'cron_job';

export interface StandInAutoscaling {
  enabled: boolean;
  min: number;
  max: number;
  criteria: { cpu: { enabled: boolean; percentage: number }; memory: { enabled: boolean; percentage: number } };
}

export interface StandInDeploy {
  id: string;
  /** e.g. live, deactivated, build_failed, update_failed, canceled, build_in_progress. */
  status: string;
  commit?: { id: string; message?: string } | null;
  createdAt?: string;
  finishedAt?: string | null;
}

export interface StandInService {
  /** Newest first. */
  deploys: StandInDeploy[];
  autoDeploy: 'yes' | 'no';
  type: StandInServiceType;
  /** Instances running (what GET /services/:id reports). */
  numInstances: number;
  /** The last count a scale asked for while autoscaling ignored it; null before. */
  manualNumInstances: number | null;
  autoscaling: StandInAutoscaling | null;
}

export type RenderFault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { timeout: true }
  | { reset: true };

export interface RecordedRenderRequest {
  method: string;
  /** Path without the query string, e.g. /v1/services/srv-x/restart. */
  path: string;
  query: Record<string, string>;
  /** null for a path the stand-in does not know. */
  route: RenderRoute | null;
  serviceId: string | null;
  /** Lower-case names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON, or null when empty or not JSON. */
  body: unknown;
}

export interface RenderStandInOptions {
  apiKey: string;
  /** Service id → its deploys (newest first), auto-deploy (default 'yes'), type (web_service), instances (1), autoscaling (none). */
  services?: Record<
    string,
    { deploys?: StandInDeploy[]; autoDeploy?: 'yes' | 'no'; type?: StandInServiceType; numInstances?: number; autoscaling?: { min: number; max: number } }
  >;
}

export interface RenderStandIn {
  /** Base URL including /v1, for RENDER_API_URL. */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRenderRequest[];
  /** The recorded requests for one route. */
  requestsTo(route: RenderRoute): RecordedRenderRequest[];
  /** Queues faults for a route; each request to it consumes the next one. */
  inject(route: RenderRoute, faults: RenderFault[]): void;
  /** Live service state (deploys, autoDeploy); tests may edit it. */
  services: Record<string, StandInService>;
  /** Forgets recorded requests and pending faults (service state stays). */
  reset(): void;
  /** Ends hanging (timeout) requests and stops the server. */
  close(): Promise<void>;
}

const ROUTES: { method: string; pattern: RegExp; route: RenderRoute }[] = [
  { method: 'POST', pattern: /^\/v1\/services\/([^/]+)\/restart$/, route: 'restart' },
  { method: 'GET', pattern: /^\/v1\/services\/([^/]+)\/deploys$/, route: 'deploys' },
  { method: 'POST', pattern: /^\/v1\/services\/([^/]+)\/rollback$/, route: 'rollback' },
  { method: 'PATCH', pattern: /^\/v1\/services\/([^/]+)$/, route: 'update' },
  { method: 'GET', pattern: /^\/v1\/services\/([^/]+)$/, route: 'service' },
  { method: 'POST', pattern: /^\/v1\/services\/([^/]+)\/scale$/, route: 'scale' },
];

export type StandInServiceSpec = NonNullable<RenderStandInOptions['services']>[string];

/** A service as the stand-in holds it, from what a test says of it (also for adding one to `services` later). */
export function standInService(service: StandInServiceSpec, start = Date.now()): StandInService {
  return {
    autoDeploy: service.autoDeploy ?? 'yes',
    type: service.type ?? 'web_service',
    numInstances: service.numInstances ?? 1,
    manualNumInstances: null,
    autoscaling: service.autoscaling
      ? { enabled: true, ...service.autoscaling, criteria: { cpu: { enabled: true, percentage: 70 }, memory: { enabled: false, percentage: 70 } } }
      : null,
    // Default timestamps one hour apart, newest first, so the list looks like Render's.
    deploys: (service.deploys ?? []).map((deploy, index) => ({
      createdAt: new Date(start - (index + 1) * 3_600_000).toISOString(),
      ...deploy,
    })),
  };
}

export async function startRenderStandIn(options: RenderStandInOptions): Promise<RenderStandIn> {
  const services: Record<string, StandInService> = {};
  const start = Date.now();
  for (const [id, service] of Object.entries(options.services ?? {})) services[id] = standInService(service, start);
  const requests: RecordedRenderRequest[] = [];
  const faults = new Map<RenderRoute, RenderFault[]>();
  let rollbacks = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const match = ROUTES.map((r) => ({ ...r, found: r.method === req.method && r.pattern.exec(url.pathname) })).find(
      (r) => r.found,
    );
    const serviceId = match?.found ? decodeURIComponent(match.found[1]!) : null;
    const body = parseJson(rawBody);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: match?.route ?? null,
      serviceId,
      headers: req.headers,
      rawBody,
      body,
    });

    if (!match || !serviceId) return sendError(res, 404, 'not found');

    const fault = faults.get(match.route)?.shift();
    if (fault) {
      if ('timeout' in fault) return; // left open; close() ends it
      if ('reset' in fault) return void req.socket.destroy();
      if (fault.body === undefined) return sendError(res, fault.status, `injected ${fault.status}`, fault.headers);
      return send(res, fault.status, fault.body, fault.headers);
    }

    if (req.headers.authorization !== `Bearer ${options.apiKey}`) return sendError(res, 401, 'unauthorized');
    const service = services[serviceId];
    if (!service) return sendError(res, 404, 'service not found');

    switch (match.route) {
      case 'restart':
        res.writeHead(200).end();
        return;
      case 'deploys': {
        const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
        return send(
          res,
          200,
          service.deploys.slice(0, limit).map((deploy) => ({ deploy, cursor: Buffer.from(deploy.id).toString('base64') })),
        );
      }
      case 'rollback': {
        const deployId = isRecord(body) ? body.deployId : undefined;
        if (typeof deployId !== 'string' || !deployId) return sendError(res, 400, 'deployId is required');
        const target = service.deploys.find((deploy) => deploy.id === deployId);
        if (!target) return sendError(res, 404, 'deploy not found');
        for (const deploy of service.deploys) if (deploy.status === 'live') deploy.status = 'deactivated';
        const now = new Date().toISOString();
        const created: StandInDeploy = {
          id: `dep-rollback${++rollbacks}`,
          status: 'live',
          commit: target.commit ?? null,
          createdAt: now,
          finishedAt: now,
        };
        service.deploys.unshift(created);
        return send(res, 201, { ...created, trigger: 'rollback' });
      }
      case 'update': {
        const autoDeploy = isRecord(body) ? body.autoDeploy : undefined;
        if (autoDeploy !== undefined && autoDeploy !== 'yes' && autoDeploy !== 'no') {
          return sendError(res, 400, 'autoDeploy must be "yes" or "no"');
        }
        if (autoDeploy) service.autoDeploy = autoDeploy;
        return send(res, 200, serviceObject(serviceId, service));
      }
      case 'service':
        return send(res, 200, serviceObject(serviceId, service));
      case 'scale': {
        const numInstances = isRecord(body) ? body.numInstances : undefined;
        if (typeof numInstances !== 'number' || !Number.isInteger(numInstances) || numInstances < 1 || numInstances > 100) {
          return sendError(res, 400, 'numInstances must be an integer from 1 to 100');
        }
        if (!SCALABLE.has(service.type)) return sendError(res, 400, `a ${service.type} cannot be scaled`);
        if (service.autoscaling?.enabled) service.manualNumInstances = numInstances;
        else service.numInstances = numInstances;
        res.writeHead(202).end();
        return;
      }
    }
  }

  // A client that gives up mid-request (its timeout) must not crash the stand-in.
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  let closing: Promise<void> | undefined;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    requestsTo: (route) => requests.filter((request) => request.route === route),
    inject(route, list) {
      faults.set(route, [...(faults.get(route) ?? []), ...list]);
    },
    services,
    reset() {
      requests.length = 0;
      faults.clear();
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

const SCALABLE = new Set<StandInServiceType>(['web_service', 'private_service', 'background_worker']);

/** Render's service object, the fields the console reads plus a few of the rest for realism. */
function serviceObject(id: string, service: StandInService) {
  const instances = SCALABLE.has(service.type)
    ? { numInstances: service.numInstances, ...(service.autoscaling && { autoscaling: service.autoscaling }) }
    : {};
  return {
    id,
    name: id.replace(/^srv-/, ''),
    type: service.type,
    autoDeploy: service.autoDeploy,
    suspended: 'not_suspended',
    serviceDetails: { env: 'node', plan: 'standard', region: 'oregon', ...instances },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, ...headers }).end(text);
}

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

/** Render's error body: `{id, message, code}`. */
export function renderErrorBody(status: number, message: string): { id: string; message: string; code: string } {
  return { id: randomUUID(), message, code: ERROR_CODES[status] ?? `http_${status}` };
}

function sendError(res: ServerResponse, status: number, message: string, headers?: Record<string, string>) {
  send(res, status, renderErrorBody(status, message), headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
