/**
 * The body of POST/PUT /api/v1/prometheus-sources and of the admin form's actions.
 * Strict: an unknown metric key or field is "is not a known field", an empty
 * query "must not be empty", a URL with credentials in it is refused (they go in
 * `auth`, which is write-only).
 *
 * Secrets are write-only: on update, an omitted `auth.token` / `auth.password`
 * keeps the stored one when the kind is unchanged (what GET shows never holds them).
 */
import { z } from 'zod';
import { componentNameSchema } from './sample';

const MAX_QUERY_LENGTH = 4000;
export const MAX_SOURCE_COMPONENTS = 200;

const query = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a PromQL string') })
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`);

export const sourceQueriesSchema = z.strictObject(
  {
    cpu_usage: query,
    memory_usage: query,
    error_rate: query,
    latency_ms: query,
    memory_mb: query.optional(),
  },
  { error: 'must be an object of PromQL queries by metric' },
);

const baseUrl = z
  .string({ error: 'must be a URL string' })
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL, e.g. http://prometheus:9090' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials; use auth (bearer or basic)' });
    else if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'must not have a query string or fragment' });
  })
  // Mimir and Thanos serve the API under a prefix (http://mimir/prometheus); the client appends /api/v1/...
  .transform((value) => value.replace(/\/+$/, ''));

const secret = (what: string) => z.string({ error: `must be a string` }).min(1, `${what} must not be empty`).max(4096).optional();

export const sourceAuthSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('bearer'), token: secret('token') }),
    z.strictObject({
      kind: z.literal('basic'),
      username: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(256),
      password: secret('password'),
    }),
  ],
  { error: 'must be {"kind": "none"}, {"kind": "bearer", "token": …} or {"kind": "basic", "username": …, "password": …}' },
);

export const prometheusSourceSchema = z.strictObject(
  {
    name: z
      .string({ error: 'is required' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must match [a-z0-9][a-z0-9._-]{0,62}'),
    base_url: baseUrl,
    auth: sourceAuthSchema.default({ kind: 'none' }),
    queries: sourceQueriesSchema,
    components: z
      .array(componentNameSchema, { error: 'must be an array of component names' })
      .min(1, 'must name at least one component')
      .max(MAX_SOURCE_COMPONENTS, `must name at most ${MAX_SOURCE_COMPONENTS} components`)
      .transform((names) => [...new Set(names)]),
  },
  { error: 'must be a JSON object' },
);
export type PrometheusSourceInput = z.output<typeof prometheusSourceSchema>;

/** POST …/{id}/test: which component's queries to run (default: the source's first). */
export const testQueriesSchema = z.strictObject({ component: componentNameSchema.optional() }, { error: 'must be a JSON object' });

/** The admin page's save action: the API body, plus the id when editing. */
export const savePrometheusSourceInput = prometheusSourceSchema.extend({ id: z.uuid({ error: 'must be a source id' }).optional() });
export const prometheusSourceIdInput = z.strictObject({ id: z.uuid({ error: 'must be a source id' }) });
