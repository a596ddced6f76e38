/**
 * The API's error vocabulary. Handlers throw ApiError; the route wrapper turns
 * it into `{ error, message, issues? }` with the right status. Anything else is
 * logged server-side and answered as a generic 500 — database errors never leak.
 */
import type { z } from 'zod';
import { DomainError, type DomainErrorCode, type FieldIssue } from '@/lib/healing/domain-error';

export type { FieldIssue };

export type ApiErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'internal_error'
  | 'service_unavailable'
  | 'conflict'
  | 'guardrail'
  | 'component_limit'
  | 'too_many_requests';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** Extra machine-readable fields for the body, e.g. which guardrail and when it clears. */
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toResponse(): Response {
    const headers: HeadersInit = this.status === 401 ? { 'WWW-Authenticate': 'Bearer', ...this.headers } : this.headers;
    return Response.json(
      { error: this.code, message: this.message, ...(this.issues && { issues: this.issues }), ...this.details },
      { status: this.status, headers },
    );
  }
}

/** The HTTP status of each kind of domain refusal: the only place the domain's codes meet HTTP. */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  guardrail: 409,
  component_limit: 422,
  too_many_requests: 429,
};

export const httpStatusOf = (error: DomainError): number => DOMAIN_STATUS[error.code];

/** A domain refusal as the API answers it: the code's status, `{ error: code, message, issues?, ...details }`. */
export function apiErrorFrom(error: DomainError): ApiError {
  // A "try again later" must not be cached as the answer.
  const headers: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds), 'Cache-Control': 'no-store' };
  return new ApiError(httpStatusOf(error), error.code, error.message, error.issues, error.details, headers);
}

// A batch of 10,000 bad items would otherwise answer with a 40,000-line body.
const MAX_REPORTED_ISSUES = 100;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

export function issuesFromZod(error: z.ZodError, root = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = root ? [root, ...issue.path] : [...issue.path];
    const index = base.find((k) => typeof k === 'number') as number | undefined;
    // zod reports unknown keys on the parent object; name each key as the field.
    const fields =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: fieldPath([...base, key]), message: 'is not a known field' }))
        : [{ field: fieldPath(base) || 'body', message: issue.message }];
    for (const f of fields) issues.push(index === undefined ? f : { ...f, index });
  }
  return issues;
}

export function validationError(error: z.ZodError, root = ''): ApiError {
  const issues = issuesFromZod(error, root);
  const shown = issues.slice(0, MAX_REPORTED_ISSUES);
  const more = issues.length - shown.length;
  const summary = shown
    .slice(0, 3)
    .map((i) => `${i.field}: ${i.message}`)
    .join('; ');
  const message = `Invalid request: ${summary}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`;
  return new ApiError(400, 'validation_failed', message, more > 0 ? [...shown, { field: 'body', message: `${more} more issues not shown` }] : shown);
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
