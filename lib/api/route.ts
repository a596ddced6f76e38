/**
 * The one wrapper every /api/v1 handler goes through: database → caller
 * identity → role check → path params, query and body validated with the
 * operation's own schemas (./openapi/operation.ts, the same ones the OpenAPI
 * document shows) → handler, and errors → JSON. Handlers never see an
 * unauthenticated request or unvalidated input, and never format an error themselves.
 */
import 'server-only';
import type { z } from 'zod';
import { getDb, isConnectionError, type Db } from '@/db/client';
import { hasRole, type Role } from '@/lib/auth/roles';
import { log } from '@/lib/log';
import { metrics } from '@/lib/observability/metrics';
import { routePattern } from '@/lib/observability/route-pattern';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';
import { DomainError } from '@/lib/healing/domain-error';
import { readJsonBody } from './body';
import { ApiError, apiErrorFrom, validationError } from './errors';
import { documented, type Operation } from './openapi/operation';
import { authenticate, type Principal } from './principal';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<Params = undefined, Query = undefined, Body = undefined> {
  request: Request;
  params: Params;
  query: Query;
  body: Body;
  db: Db;
  principal: Principal;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function apiRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  operation: Operation<P, Q, B> & { role: Role },
  handler: (ctx: RouteContext<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<Response>,
) {
  const route = async (request: Request, context: NextContext): Promise<Response> => {
    const started = performance.now();
    const rawParams = await context.params;
    let response: Response;
    try {
      const db = await openDb();
      const principal = await authenticate(request, db);
      if (!hasRole(principal.role, operation.role)) {
        throw new ApiError(403, 'forbidden', `this endpoint requires the ${operation.role} role (you have ${principal.role})`);
      }
      const params = operation.params ? parse(operation.params, rawParams) : undefined;
      const query = operation.query ? parse(operation.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
      const spec = operation.body as { schema: z.ZodType; limit?: number; emptyAs?: unknown } | undefined;
      const body = spec ? parse(spec.schema, await readJsonBody(request, spec.limit, { emptyAs: spec.emptyAs })) : undefined;
      response = await handler({
        request,
        params: params as Parsed<P>,
        query: query as Parsed<Q>,
        body: body as Parsed<B>,
        db,
        principal,
      });
    } catch (error) {
      response = errorResponse(error, request);
    }
    observeRequest(request, rawParams, response.status, started);
    return response;
  };
  return documented(operation as Operation, route);
}

/** Counted when the answer is ready (a streamed body, e.g. an export, may still be flowing). */
export function observeRequest(request: Request, params: unknown, status: number, started: number): void {
  const labels = {
    route: routePattern(new URL(request.url).pathname, (params ?? {}) as Record<string, string>),
    method: request.method,
    status: String(status),
  };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, (performance.now() - started) / 1000);
}

const unavailable = () =>
  new ApiError(503, 'service_unavailable', 'the console database is unavailable; the console is reconnecting', undefined, {
    degraded_since: databaseDegradedSince()?.toISOString() ?? null,
  });

async function openDb(): Promise<Db> {
  // While the watchdog is reconnecting, answer at once rather than queue behind a dead pool.
  // This includes POST /db/recover: no caller can be authenticated without the database,
  // and the watchdog is already running the recovery that endpoint would start.
  if (databaseDegradedSince()) throw unavailable();
  try {
    return await getDb();
  } catch (error) {
    log.error('database unavailable', { error });
    throw new ApiError(503, 'service_unavailable', 'the console database is unavailable');
  }
}

export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return error.toResponse();
  if (error instanceof DomainError) return apiErrorFrom(error).toResponse();
  if (isConnectionError(error)) {
    reportDatabaseFailure(error);
    return unavailable().toResponse();
  }
  log.error('unhandled API error', { method: request.method, path: new URL(request.url).pathname, error });
  return new ApiError(500, 'internal_error', 'internal error; see the console logs').toResponse();
}
