/**
 * Every security response header the console sends, in one place. proxy.ts sets
 * the per-request ones (the CSP with its nonce, HSTS over HTTPS) on every page
 * and route; next.config.ts sets the fixed ones on everything it serves, static
 * files included. Imported by next.config.ts, so no Next.js or '@/' imports here.
 *
 * Why each source:
 * - script-src: only scripts carrying this request's nonce ('strict-dynamic' lets
 *   them load Next.js's own chunks). Next.js reads the nonce from the request's
 *   Content-Security-Policy header and puts it on every script it renders, which
 *   is why every page renders dynamically (app/layout.tsx). Development adds
 *   'unsafe-eval' for React's dev tooling only.
 * - style-src: <style>/<link> elements from this origin or with the nonce; style
 *   *attributes* are allowed ('unsafe-inline' in style-src-attr) because React's
 *   `style={…}` props and Recharts' SVG layout are inline style attributes. A
 *   style attribute cannot run script; React escapes all text, so nobody but our
 *   own components writes one. Browsers without CSP3's -elem/-attr split fall
 *   back to `style-src 'self' 'unsafe-inline'`.
 * - frame-ancestors 'none': nobody frames the console (clickjacking an approval).
 * - form-action: this origin, plus the OIDC issuer the sign-in form hands over to.
 * - API answers are data, never documents: `default-src 'none'`.
 */

export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids. */
  development?: boolean;
  /** The OpenID issuer (AUTH_OIDC_ISSUER): sign-in posts a form that ends there. */
  oidcIssuer?: string;
}

/** 128 random bits, base64 — unguessable, fresh for every request. */
export function generateNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : null;
  } catch {
    return null;
  }
}

/** The page policy (HTML documents and their RSC payloads). */
export function pageContentSecurityPolicy({ nonce, development = false, oidcIssuer }: PolicyOptions): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('CSP nonce must be base64');
  const issuer = originOf(oidcIssuer);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-elem': ["'self'", `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...(issuer ? [issuer] : [])],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** API answers (JSON, CSV downloads) are never rendered as documents. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** One year, subdomains included; sent only over HTTPS (a browser ignores it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Headers that never change, for every response including static files (next.config.ts). */
export const FIXED_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Full URLs (component names, filters) stay inside the console; other sites see nothing.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // frame-ancestors for browsers that predate CSP 2.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * Served over HTTPS: the request itself, or the first X-Forwarded-Proto of the
 * proxy in front (the console already trusts it for the public origin).
 */
export function servedOverHttps(url: string, headers: Headers): boolean {
  if (new URL(url).protocol === 'https:') return true;
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

export interface RequestSecurity {
  url: string;
  headers: Headers;
  /** Route handlers under /api get the data policy. */
  api: boolean;
  nonce: string;
  development?: boolean;
  oidcIssuer?: string;
}

/** The per-request headers proxy.ts sets on the response (and the CSP on the request, for Next.js). */
export function requestSecurityHeaders(r: RequestSecurity): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': r.api
      ? API_CONTENT_SECURITY_POLICY
      : pageContentSecurityPolicy({ nonce: r.nonce, development: r.development, oidcIssuer: r.oidcIssuer }),
  };
  if (servedOverHttps(r.url, r.headers)) headers['Strict-Transport-Security'] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
