import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/next-auth';
import { publicUrl } from '@/lib/auth/request-origin';

// Auth.js's own endpoints (sign-in callbacks, CSRF, session). Public by nature;
// the request is re-addressed to its public origin first (lib/auth/request-origin.ts).
function atPublicOrigin(request: NextRequest): NextRequest {
  const url = publicUrl(request.url, request.headers);
  return url === request.url ? request : new NextRequest(url, request);
}

export const GET = (request: NextRequest) => handlers.GET(atPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(atPublicOrigin(request));
