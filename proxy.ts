/**
 * Runs before every page and route: sets the per-request security headers
 * (lib/http/security-headers.ts) and redirects a browser without a session
 * cookie to /login. It only redirects — every page, action and route handler
 * still checks the session and role itself.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { generateNonce, requestSecurityHeaders } from '@/lib/http/security-headers';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Machine endpoints answer 401 themselves (token auth, JSON errors), never a redirect: the API and
 * Prometheus's /metrics. The API's docs are a page (app/api/docs/page.tsx): page CSP, sign-in redirect.
 */
function isMachineEndpoint(pathname: string): boolean {
  return (pathname.startsWith('/api/') && pathname !== '/api/docs') || pathname === '/metrics';
}

/** Pages anyone may open; machine endpoints check their callers themselves; /docs-ui/ is a published package's script. */
function isPublic(pathname: string): boolean {
  return isMachineEndpoint(pathname) || pathname === '/login' || pathname.startsWith('/login/') || pathname.startsWith('/docs-ui/');
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = generateNonce();
  const security = requestSecurityHeaders({
    url: request.url,
    headers: request.headers,
    api: isMachineEndpoint(pathname),
    nonce,
    development: process.env.NODE_ENV === 'development',
    oidcIssuer: process.env.AUTH_OIDC_ISSUER,
  });

  let response: NextResponse;
  if (isPublic(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // Next.js takes the nonce from the request's CSP header and puts it on its scripts.
    const forwarded = new Headers(request.headers);
    forwarded.set('x-nonce', nonce);
    forwarded.set('Content-Security-Policy', security['Content-Security-Policy']!);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    const login = new URL('/login', request.url);
    const target = pathname + request.nextUrl.search;
    if (target !== '/') login.searchParams.set('callbackUrl', target);
    response = NextResponse.redirect(login);
  }
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next.js's static assets and the public files (next.config.ts gives those the fixed headers).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)'],
};
