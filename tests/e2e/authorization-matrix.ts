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
}

export const PAGES: PageRow[] = [
  { file: 'app/page.tsx', path: '/', access: from('viewer'), why: 'component health is for every signed-in role' },
  {
    file: 'app/login/page.tsx',
    path: '/login',
    access: from('anonymous'),
    why: 'the sign-in page; a signed-in user is sent home (not a refusal)',
  },
  { file: 'app/admin/page.tsx', path: '/admin', access: from('admin'), why: 'users, tokens, policies, pause' },
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
    why: 'register/configure a component; a policy change inside needs admin (tested in integration)',
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
    file: 'app/api/v1/metrics/route.ts',
    method: 'POST',
    path: '/api/v1/metrics',
    body: { samples: 'none' },
    access: from('operator'),
    why: 'send a batch of samples',
  },
];

const invalid = [{}];
const admin = (name: string, field: string, why: string): ActionRow => ({
  action: `app/admin/actions.ts#${name}`,
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
    allowed: /"redirect":"http:\/\/127\.0\.0\.1:\d+\/authorize\?/,
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
  },
  admin('createUserAction', 'email', 'create a user'),
  admin('setUserRoleAction', 'userId', 'change a role'),
  admin('setUserDisabledAction', 'userId', 'disable or enable a user'),
  admin('createTokenAction', 'name', 'create an API token'),
  admin('revokeTokenAction', 'tokenId', 'revoke an API token'),
  admin('setPolicyAction', 'component', 'set a remediation policy'),
  admin('setPauseAction', 'paused', 'pause or resume automation'),
];
