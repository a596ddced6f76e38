/**
 * The OpenAPI 3.1 document, built by zod-openapi from the operations the routes
 * declare (./operation.ts) — the same zod objects the route wrapper validates
 * with — plus the answers the wrapper itself gives (401, 403, 400, 413, 415, 503, 500).
 */
import 'server-only';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { actionOperation, actionPath } from '@/lib/api/action-route';
import { ACTION_LIST } from '@/lib/remediation/actions';
import { apiErrorSchema } from '../schemas/error';
import { HTTP_METHODS, TAGS, type HttpMethod, type Operation, type OperationResponse } from './operation';
import { ROUTE_MODULES } from './routes';

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`npm run cli -- token create`, or /admin). It acts for its creator, with at most their role.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'authjs.session-token',
    description: 'A signed-in browser session: accepted for GET only, so the API needs no CSRF defence.',
  },
} as const;

const error = (description: string): OperationResponse => ({ description, schema: apiErrorSchema });

/** What the route wrapper answers before or around the handler, for what the operation declares. */
function wrapperResponses(method: HttpMethod, op: Operation): Record<number, OperationResponse> {
  if (op.role === null) return {};
  const answers: Record<number, OperationResponse> = {};
  if (op.params || op.query || op.body) answers[400] = error('Invalid input: `issues` names each bad field.');
  answers[401] = error('No valid credentials (`WWW-Authenticate: Bearer`).');
  answers[403] = error(`The caller's role is below ${op.role}.`);
  if (op.body) {
    answers[413] = error('The body is over its size limit.');
    answers[415] = error('The body is not application/json.');
  }
  answers[500] = error('An unexpected error; details are in the console log only.');
  answers[503] = error(
    method === 'GET' ? 'The console database is unavailable; the console is reconnecting.' : 'The console database is unavailable; nothing was stored.',
  );
  return answers;
}

function toOpenApi(method: HttpMethod, op: Operation): ZodOpenApiOperationObject {
  const responses = { ...wrapperResponses(method, op), ...op.responses };
  const reads = method === 'GET';
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, op.role ? `Requires the **${op.role}** role or higher.` : 'No credentials needed.'].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    security: op.role === null ? [] : reads ? [{ bearerToken: [] }, { sessionCookie: [] }] : [{ bearerToken: [] }],
    'x-required-role': op.role,
    ...((op.params || op.query) && { requestParams: { ...(op.params && { path: op.params }), ...(op.query && { query: op.query }) } }),
    ...(op.body && {
      requestBody: { required: op.body.emptyAs === undefined, content: { 'application/json': { schema: op.body.schema } } },
    }),
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers && { headers: r.headers }),
          ...((r.schema || r.content) && {
            content: {
              ...(r.schema && { 'application/json': { schema: r.schema } }),
              ...Object.fromEntries(Object.entries(r.content ?? {}).map(([type, schema]) => [type, { schema }])),
            },
          }),
        },
      ]),
    ),
  };
}

/** Every documented operation: path → method → declaration (the docs page and the tests read this). */
export function documentedOperations(): Record<string, Partial<Record<HttpMethod, Operation>>> {
  const paths: Record<string, Partial<Record<HttpMethod, Operation>>> = {};
  for (const [path, module] of Object.entries(ROUTE_MODULES)) {
    for (const method of HTTP_METHODS) {
      const handler = (module as Record<string, unknown>)[method] as { operation?: Operation } | undefined;
      if (handler?.operation) (paths[path] ??= {})[method] = handler.operation;
    }
  }
  for (const definition of ACTION_LIST) paths[actionPath(definition)] = { POST: actionOperation(definition) };
  return paths;
}

let built: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  built ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Self-Healing Console API',
      version: '1',
      description:
        'Health checks, batches, components, remediations and approvals. Errors are `{error, message, issues?}`; a rejected request stores nothing.',
    },
    tags: TAGS.map((name) => ({ name })),
    components: { securitySchemes: SECURITY_SCHEMES },
    paths: Object.fromEntries(
      Object.entries(documentedOperations()).map(([path, methods]) => [
        path,
        Object.fromEntries(Object.entries(methods).map(([method, op]) => [method.toLowerCase(), toOpenApi(method as HttpMethod, op!)])),
      ]),
    ) as ZodOpenApiPathsObject,
  });
  return built;
}
