/**
 * What one API route method declares next to its handler: the route wrapper
 * (lib/api/route.ts) validates params, query and body with these very schemas,
 * and the document builder (./document.ts) turns the same object into the
 * OpenAPI operation. One declaration, so the document cannot drift from what
 * the route accepts.
 */
import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Groups of the docs page, in its order. */
export const TAGS = ['Metrics', 'Components', 'Remediation', 'Approvals', 'Analytics', 'Monitoring', 'Console'] as const;
export type Tag = (typeof TAGS)[number];

export interface OperationResponse {
  description: string;
  /** The JSON body. */
  schema?: z.ZodType;
  /** Bodies of other media types (e.g. `text/csv`), beside or instead of JSON. */
  content?: Record<string, z.ZodType>;
  /** Response headers, one field each (`.meta({ description })` describes one). */
  headers?: z.ZodObject;
}

export interface OperationBody<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  /** What an empty body means, for bodies whose every field is optional; without it an empty body is a 400. */
  emptyAs?: unknown;
  /** Byte cap of the body (default lib/api/body.ts's 1 MB). */
  limit?: number;
}

export interface Operation<
  Params extends z.ZodObject | undefined = z.ZodObject | undefined,
  Query extends z.ZodObject | undefined = z.ZodObject | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
> {
  /** Unique across the document: the docs page's anchors and clients' method names. */
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** The lowest role allowed (roles are cumulative); null: anyone, no credentials. */
  role: Role | null;
  params?: Params;
  query?: Query;
  body?: Body extends z.ZodType ? OperationBody<Body> : undefined;
  /** The answers this route gives itself; the wrapper's own (400/401/403/413/415/503/500) are added by the builder. */
  responses: Record<number, OperationResponse>;
}

/** A route method's handler with its declaration attached, which the document builder reads. */
export type Documented<H> = H & { operation: Operation };

export function documented<H extends object>(operation: Operation, handler: H): Documented<H> {
  return Object.assign(handler, { operation });
}
