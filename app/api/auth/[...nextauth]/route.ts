import { Auth } from '@auth/core';
import { authConfig } from '@/lib/auth/next-auth';
import { publicUrl } from '@/lib/auth/request-origin';

/**
 * Auth.js's own endpoints (sign-in callbacks, CSRF, session, sign-out):
 * public by nature. The request is re-addressed to its public origin first
 * (lib/auth/request-origin.ts: AUTH_URL, else the proxy's headers) as a plain
 * Request, and handed to @auth/core directly — next-auth's handlers would
 * rebuild it as a NextRequest, which rewrites 127.0.0.1 to "localhost", so the
 * callback's token request would name another redirect_uri than the one the
 * provider authorised.
 */
function atPublicOrigin(request: Request): Request {
  const url = publicUrl(request.url, request.headers);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
  return new Request(url, { method: request.method, headers: request.headers, body, duplex: 'half' } as RequestInit);
}

// `authConfig` has had next-auth's defaults (secret, basePath /api/auth) filled in by NextAuth() on import.
export const GET = (request: Request) => Auth(atPublicOrigin(request), authConfig);
export const POST = (request: Request) => Auth(atPublicOrigin(request), authConfig);
