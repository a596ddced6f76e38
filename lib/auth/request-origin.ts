import { env } from '@/lib/env';

/**
 * The public origin of a request, as the browser sees it.
 *
 * Next.js builds a route handler's `request.url` from its own listen address
 * (`localhost:<port>`), not from the Host header, so Auth.js's endpoints
 * (/api/auth/…) would compute callback URLs and redirects for localhost —
 * breaking OIDC (redirect_uri mismatch) and sending people to localhost
 * after signing in (nextauthjs/next-auth#10928, #12176). The console trusts
 * its proxy (see client-address.ts): X-Forwarded-Proto and X-Forwarded-Host,
 * else the Host header, name the origin. With AUTH_URL set, its origin is the
 * public one, exactly as written (next-auth's own rewrite goes through
 * NextRequest, which turns 127.0.0.1 into localhost — so the token request's
 * redirect_uri would differ from the authorize request's: invalid_grant).
 */
export function publicUrl(url: string, headers: Headers, configured: string | null | undefined = env().authUrl): string {
  if (configured) {
    const original = new URL(url);
    try {
      return new URL(original.pathname + original.search, new URL(configured).origin).toString();
    } catch {
      return url; // not a URL: Auth.js reports the configuration error itself
    }
  }
  const first = (value: string | null) => value?.split(',')[0]?.trim() || undefined;
  const host = first(headers.get('x-forwarded-host')) ?? first(headers.get('host'));
  if (!host) return url;
  const original = new URL(url);
  const protocol = first(headers.get('x-forwarded-proto'))?.replace(/:$/, '') ?? original.protocol.replace(/:$/, '');
  if (protocol !== 'http' && protocol !== 'https') return url;
  try {
    const origin = new URL(`${protocol}://${host}`);
    // Only a bare host[:port] is accepted; anything with a path or credentials is ignored.
    if (origin.pathname !== '/' || origin.username || origin.password || `${origin.host}` !== host.toLowerCase()) return url;
    return new URL(original.pathname + original.search, origin).toString();
  } catch {
    return url;
  }
}
