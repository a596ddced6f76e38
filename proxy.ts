/**
 * Only redirects: a browser without a session cookie goes to /login. Every
 * page, action and route handler still checks the session and role itself.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') login.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(login);
}

export const config = {
  // Not the API (token auth, JSON errors), not the sign-in page, not static assets.
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)'],
};
