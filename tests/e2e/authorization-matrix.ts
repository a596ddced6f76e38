/**
 * Who may do what: every page, every route handler method and every server
 * action × anonymous, viewer, operator, approver, admin. The spec
 * (authorization-matrix.spec.ts) exercises each cell against the running
 * console and fails when the app has something this table does not list, or
 * the table lists something the app no longer has.
 *
 * Adding a page, route or action? Add its row here, with the lowest role
 * allowed and a probe that has no lasting effect (an invalid body: allowed
 * means "got past the role check to validation").
 */
import { WHO, type Who } from './fixtures';

export type Verdict = 'allow' | 'deny';
export type Access = Record<Who, Verdict>;

/** Roles are cumulative: `from('operator')` allows operator, approver and admin. */
export function from(lowest: Who): Access {
  const rank = WHO.indexOf(lowest);
  return Object.fromEntries(WHO.map((who, i) => [who, i >= rank ? 'allow' : 'deny'])) as Access;
}

export interface PageRow {
  file: string;
  path: string;
  access: Access;
  why: string;
}

export interface RouteRow {
  file: string;
  method: string;
  /** A concrete URL for the probe. */
  path: string;
  /** Sent as JSON; invalid on purpose for writes (allowed → 400, denied → 401/403). */
  body?: unknown;
  access: Access;
  why: string;
}

export interface ActionRow {
  /** `file#export` as the build's server-reference manifest names it. */
  action: string;
  /** The page the browser posts it to. */
  page: string;
  /** The probe: arguments (JSON), or form fields for a form action (after `args`). */
  args?: unknown[];
  form?: Record<string, string>;
  /** What an allowed call answers ({ status, redirect, result } as JSON). */
  allowed: RegExp;
  access: Access;
  why: string;
  /** The call signs its caller out (of every session), so the probe's cached session is spent. */
  endsSession?: boolean;
}

const viewerPage = (file: string, path: string, why: string): PageRow => ({ file, path, access: from('viewer'), why });

export const PAGES: PageRow[] = [
  viewerPage('app/(console)/(overview)/page.tsx', '/', 'live overview of every component'),
  viewerPage('app/(console)/activity/page.tsx', '/activity', 'the unified_brain activity log'),
  viewerPage('app/(console)/analytics/page.tsx', '/analytics', 'charts and the card queries'),
  viewerPage('app/(console)/approvals/page.tsx', '/approvals', 'the queue is readable by all; deciding needs approver (the actions check)'),
  viewerPage('app/(console)/components/[name]/page.tsx', '/components/checkout-api', 'one component: charts, prediction, history'),
  viewerPage(
    'app/(console)/components/[name]/actions/page.tsx',
    '/components/checkout-api/actions',
    'the manual actions panel; requesting needs operator (the actions check)',
  ),
  viewerPage('app/(console)/predictions/page.tsx', '/predictions', 'failure predictions'),
  viewerPage('app/(console)/api/docs/page.tsx', '/api/docs', 'the API docs (Swagger UI on /api/v1/openapi.json); trying a write needs a token of its role'),
  {
    file: 'app/login/page.tsx',
    path: '/login',
    access: from('anonymous'),
    why: 'the sign-in page; a signed-in user is sent home (not a refusal)',
  },
  { file: 'app/(console)/admin/page.tsx', path: '/admin', access: from('admin'), why: 'users, tokens, policies, pause' },
];

export const ROUTES: RouteRow[] = [
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'GET',
    path: '/api/auth/session',
    access: from('anonymous'),
    why: "Auth.js's own endpoints (session, CSRF token, providers, OIDC callback)",
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    path: '/api/auth/callback/credentials',
    access: from('anonymous'),
    why: 'Auth.js sign-in and sign-out; CSRF-checked by Auth.js itself',
  },
  {
    file: 'app/api/health/route.ts',
    method: 'GET',
    path: '/api/health',
    access: from('anonymous'),
    why: 'load-balancer probe: status only, no details',
  },
  { file: 'app/api/v1/components/route.ts', method: 'GET', path: '/api/v1/components', access: from('viewer'), why: 'read' },
  {
    file: 'app/api/v1/components/[name]/route.ts',
    method: 'GET',
    path: '/api/v1/components/matrix-probe',
    access: from('viewer'),
    why: 'read (404 for an unknown component still means allowed)',
  },
  {
    file: 'app/api/v1/components/[name]/route.ts',
    method: 'PUT',
    path: '/api/v1/components/matrix-probe',
    body: { not_a_field: true },
    access: from('operator'),
    why: 'register/configure a component; changing its routing (environment, policy, service, hook) needs admin (tested in integration)',
  },
  {
    file: 'app/api/v1/components/[name]/health/route.ts',
    method: 'POST',
    path: '/api/v1/components/matrix-probe/health',
    body: { cpu_usage: 'high' },
    access: from('operator'),
    why: 'send a sample',
  },
  {
    file: 'app/api/v1/analytics/export/route.ts',
    method: 'GET',
    path: '/api/v1/analytics/export?format=json&window=1h',
    access: from('viewer'),
    why: 'read: the analytics export',
  },
  { file: 'app/api/v1/approvals/route.ts', method: 'GET', path: '/api/v1/approvals', access: from('viewer'), why: 'read the queue' },
  {
    file: 'app/api/v1/approvals/[id]/approve/route.ts',
    method: 'POST',
    path: '/api/v1/approvals/not-an-id/approve',
    body: {},
    access: from('approver'),
    why: 'decide (four-eyes inside)',
  },
  {
    file: 'app/api/v1/approvals/[id]/reject/route.ts',
    method: 'POST',
    path: '/api/v1/approvals/not-an-id/reject',
    body: {},
    access: from('approver'),
    why: 'decide',
  },
  {
    file: 'app/api/v1/components/[name]/restart/route.ts',
    method: 'POST',
    path: '/api/v1/components/Not_A_Name/restart',
    body: {},
    access: from('operator'),
    why: 'request a restart (high risk waits for an approver)',
  },
  {
    file: 'app/api/v1/components/[name]/rollback/route.ts',
    method: 'POST',
    path: '/api/v1/components/Not_A_Name/rollback',
    body: {},
    access: from('operator'),
    why: 'request a rollback',
  },
  {
    file: 'app/api/v1/components/[name]/memory-leaks/cleanup/route.ts',
    method: 'POST',
    path: '/api/v1/components/Not_A_Name/memory-leaks/cleanup',
    body: {},
    access: from('operator'),
    why: 'request a memory-leak cleanup',
  },
  {
    file: 'app/api/v1/components/[name]/scale/route.ts',
    method: 'POST',
    path: '/api/v1/components/Not_A_Name/scale',
    body: {},
    access: from('operator'),
    why: 'request a scale (high risk waits for an approver)',
  },
  {
    file: 'app/api/v1/db/recover/route.ts',
    method: 'POST',
    path: '/api/v1/db/recover',
    access: from('operator'),
    why: "probe and recover the console's own database connection (harmless when healthy)",
  },
  {
    file: 'app/api/v1/components/[name]/dashboard/route.ts',
    method: 'GET',
    path: '/api/v1/components/checkout-api/dashboard',
    access: from('viewer'),
    why: "what the component page polls (its actions panel as the caller's role sees it)",
  },
  { file: 'app/api/v1/overview/route.ts', method: 'GET', path: '/api/v1/overview', access: from('viewer'), why: 'read' },
  {
    file: 'app/api/v1/openapi.json/route.ts',
    method: 'GET',
    path: '/api/v1/openapi.json',
    access: from('viewer'),
    why: 'the OpenAPI document: what the API accepts is no secret to its readers, but not published to anonymous callers',
  },
  {
    file: 'app/docs-ui/[file]/route.ts',
    method: 'GET',
    path: '/docs-ui/swagger-ui-bundle.js',
    access: from('anonymous'),
    why: "swagger-ui-dist's published script for /api/docs, like /_next/static: no console data",
  },
  {
    file: 'app/api/v1/remediations/route.ts',
    method: 'GET',
    path: '/api/v1/remediations',
    access: from('viewer'),
    why: 'read remediations',
  },
  {
    file: 'app/api/v1/remediations/[id]/route.ts',
    method: 'GET',
    path: '/api/v1/remediations/00000000-0000-4000-8000-000000000000',
    access: from('viewer'),
    why: 'read one remediation (404 for an unknown id still means allowed)',
  },
  {
    file: 'app/metrics/route.ts',
    method: 'GET',
    path: '/metrics',
    access: from('viewer'),
    why: "Prometheus scrape of the console's own metrics (or METRICS_TOKEN); 401 without a token, never a redirect",
  },
  {
    file: 'app/api/v1/metrics/route.ts',
    method: 'POST',
    path: '/api/v1/metrics',
    body: { samples: 'none' },
    access: from('operator'),
    why: 'send a batch of samples',
  },
  ...(
    [
      ['app/api/v1/prometheus-sources/route.ts', 'GET', '/api/v1/prometheus-sources', undefined, 'list Prometheus sources (credentials never shown)'],
      ['app/api/v1/prometheus-sources/route.ts', 'POST', '/api/v1/prometheus-sources', { not_a_field: true }, 'add a Prometheus source'],
      ['app/api/v1/prometheus-sources/[id]/route.ts', 'GET', '/api/v1/prometheus-sources/not-an-id', undefined, 'read one source (404 still means allowed)'],
      ['app/api/v1/prometheus-sources/[id]/route.ts', 'PUT', '/api/v1/prometheus-sources/not-an-id', { not_a_field: true }, 'change a source'],
      ['app/api/v1/prometheus-sources/[id]/route.ts', 'DELETE', '/api/v1/prometheus-sources/not-an-id', undefined, 'delete a source (404 for an unknown id)'],
      ['app/api/v1/prometheus-sources/[id]/test/route.ts', 'POST', '/api/v1/prometheus-sources/not-an-id/test', {}, '"Test queries" (404 for an unknown id)'],
    ] as const
  ).map(([file, method, path, body, why]): RouteRow => ({ file, method, path, ...(body && { body }), access: from('admin'), why })),
  {
    file: 'app/api/v1/alerts/alertmanager/route.ts',
    method: 'POST',
    path: '/api/v1/alerts/alertmanager',
    body: { version: '3' },
    access: from('operator'),
    why: "Alertmanager's webhook receiver (an operator token in http_config.authorization)",
  },
];

const invalid = [{}];
const admin = (name: string, field: string, why: string): ActionRow => ({
  action: `app/(console)/admin/actions.ts#${name}`,
  page: '/admin',
  args: invalid,
  allowed: new RegExp(`"field":"${field}"`),
  access: from('admin'),
  why,
});

export const ACTIONS: ActionRow[] = [
  {
    action: 'app/login/actions.ts#signInAction',
    page: '/login',
    args: [{}],
    // Each probe is another unknown account, so the probes never trip the rate limit.
    form: { email: 'matrix-probe-{who}@example.invalid', password: 'not-a-real-password', callbackUrl: '/' },
    allowed: /Wrong email or password/,
    access: from('anonymous'),
    why: 'signing in needs no session',
  },
  {
    action: 'app/login/actions.ts#oidcSignInAction',
    page: '/login',
    form: { callbackUrl: '/' },
    // oidc-provider (tests/e2e/oidc-provider.ts) serves its authorization endpoint at /auth.
    allowed: /"redirect":"http:\/\/127\.0\.0\.1:\d+\/auth\?response_type=code/,
    access: from('anonymous'),
    why: 'hands the browser to the identity provider',
  },
  {
    action: 'components/app-header.tsx#$$RSC_SERVER_ACTION_0',
    page: '/',
    args: [],
    allowed: /"redirect":"[^"]*\/login/,
    access: from('anonymous'),
    why: 'sign out (harmless for anybody)',
    endsSession: true,
  },
  {
    action: 'app/(console)/approvals/actions.ts#approveAction',
    page: '/approvals',
    args: invalid,
    allowed: /"field":"id"/,
    access: from('approver'),
    why: 'approve a pending remediation (four-eyes and expiry inside)',
  },
  {
    action: 'app/(console)/approvals/actions.ts#rejectAction',
    page: '/approvals',
    args: invalid,
    allowed: /"field":"(reason|id)"/,
    access: from('approver'),
    why: 'reject a pending remediation',
  },
  {
    action: 'app/(console)/components/[name]/actions.ts#requestAction',
    page: '/components/checkout-api/actions',
    args: invalid,
    allowed: /"field":"(action|component)"/,
    access: from('operator'),
    why: 'request any remediation (restart, rollback, cleanup…) from the component page',
  },
  admin('createUserAction', 'email', 'create a user'),
  admin('setUserRoleAction', 'userId', 'change a role'),
  admin('setUserDisabledAction', 'userId', 'disable or enable a user'),
  admin('createTokenAction', 'name', 'create an API token'),
  admin('revokeTokenAction', 'tokenId', 'revoke an API token'),
  admin('setPolicyAction', 'component', 'set a remediation policy'),
  admin('setPauseAction', 'paused', 'pause or resume automation'),
  admin('setHookRangesAction', 'ranges', 'set the internal ranges cleanup hooks may point to'),
  ...(
    [
      ['savePrometheusSourceAction', 'name', 'add or change a Prometheus source'],
      ['deletePrometheusSourceAction', 'id', 'delete a Prometheus source'],
      ['testPrometheusSourceAction', 'id', '"Test queries" of a Prometheus source'],
    ] as const
  ).map(([name, field, why]): ActionRow => ({ ...admin(name, field, why), action: `app/(console)/admin/prometheus-actions.ts#${name}` })),
  admin('setAlertRoutingAction', 'component_labels', 'set which alert labels name a component and which severities heal'),
];
