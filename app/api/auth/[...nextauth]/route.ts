import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/next-auth';
import { publicUrl } from '@/lib/auth/request-origin';

/**
 * Auth.js's own endpoints (sign-in callbacks, CSRF, session): public by
 * nature. The request is re-addressed to its public origin first
 * (lib/auth/request-origin.ts) — as a plain Request, because NextRequest
 * would rewrite 127.0.0.1 to "localhost" again.
 */
function atPublicOrigin(request: NextRequest): NextRequest {
  const url = publicUrl(request.url, request.headers);
  if (url === request.url) return request;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
  // Auth.js only needs the web Request API; the cast satisfies next-auth's handler signature.
  return new Request(url, { method: request.method, headers: request.headers, body, duplex: 'half' } as RequestInit) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(atPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(atPublicOrigin(request));
