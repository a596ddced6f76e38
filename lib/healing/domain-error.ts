/**
 * The one error the domain throws (lib/healing, lib/remediation, lib/services):
 * a code saying what kind of refusal it is, a message for people, optionally
 * the offending field(s) and machine-readable details. It knows nothing of
 * HTTP: lib/api/errors.ts maps a code to a status and JSON body, and
 * lib/actions/server-action.ts to `{ error, field }`.
 */

export const DOMAIN_ERROR_CODES = ['validation_failed', 'forbidden', 'not_found', 'conflict', 'guardrail', 'component_limit', 'too_many_requests'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `cpu_usage` or `samples[3].error_rate`. */
  field: string;
  message: string;
  /** Position in a batch, when the field belongs to one item. */
  index?: number;
}

export class DomainError extends Error {
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, unknown>;
  /** When trying again makes sense (a busy limit): the API says it as Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: { field?: string; issues?: FieldIssue[]; details?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.issues = options.issues ?? (options.field ? [{ field: options.field, message }] : undefined);
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The first offending field, if any. */
  get field(): string | undefined {
    return this.issues?.[0]?.field;
  }
}
