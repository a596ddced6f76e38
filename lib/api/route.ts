/**
 * The one wrapper every /api/v1 handler goes through: database → caller
 * identity → role check → handler, and errors → JSON. Handlers never see an
 * unauthenticated request and never format an error themselves.
 */
import 'server-only';
import { getDb, isConnectionError, type Db } from '@/db/client';
import { hasRole, type Role } from '@/lib/auth/roles';
import { log } from '@/lib/log';
import { metrics } from '@/lib/observability/metrics';
import { routePattern } from '@/lib/observability/route-pattern';
import { databaseDegradedSince, reportDatabaseFailure } from '@/lib/remediation/db-recovery';
import { DomainError } from '@/lib/healing/domain-error';
import { ApiError, apiErrorFrom } from './errors';
import { authenticate, type Principal } from './principal';

export interface RouteContext<Params> {
  request: Request;
  params: Params;
  db: Db;
  principal: Principal;
}

type NextContext<Params> = { params: Promise<Params> };

export function apiRoute<Params = Record<string, never>>(
  options: { role: Role },
  handler: (ctx: RouteContext<Params>) => Promise<Response>,
) {
  return async (request: Request, context: NextContext<Params>): Promise<Response> => {
    const started = performance.now();
    const params = await context.params;
    let response: Response;
    try {
      const db = await openDb();
      const principal = await authenticate(request, db);
      if (!hasRole(principal.role, options.role)) {
        throw new ApiError(403, 'forbidden', `this endpoint requires the ${options.role} role (you have ${principal.role})`);
      }
      response = await handler({ request, params, db, principal });
    } catch (error) {
      response = errorResponse(error, request);
    }
    observeRequest(request, params, response.status, started);
    return response;
  };
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
