/**
 * The client address the sign-in rate limit counts by.
 *
 * The console trusts its reverse proxy: the first `X-Forwarded-For` entry is
 * taken as the client. That is only true when the proxy in front of the
 * console *sets* the header (nginx: `proxy_set_header X-Forwarded-For
 * $remote_addr;`) rather than appending to what the client sent. Without a
 * proxy, Next.js fills `X-Forwarded-For` with the socket's address when the
 * client sent none — but a client can send its own, so the per-address limit
 * is only as good as the proxy; the per-account limit holds regardless.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = headers.get('x-real-ip')?.trim();
  if (real) return real.slice(0, 100);
  return 'unknown';
}
