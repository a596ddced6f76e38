/**
 * URLs may carry credentials: userinfo (`https://user:password@host/…`) and,
 * as many hooks take a token that way, the query string (`?token=…`); a
 * fragment is dropped with them. Cleanup-hook URLs are stored whole on the
 * component (the hook needs them), but never in the config history, API
 * answers, pages, audit rows or logs: those get the URL redacted here — the one
 * place that decides what of a URL may be shown. The path is shown: put secrets
 * in userinfo, the query or the component's `cleanup_secret`, not in the path.
 */

/** The URL without `user:password@`, `?query` and `#fragment`; any other string (or null) likewise stripped. */
export function stripUrlCredentials(url: string): string;
export function stripUrlCredentials(url: string | null): string | null;
export function stripUrlCredentials(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: drop anything that looks like userinfo, a query or a fragment rather than echo it.
    return url.replace(/\/\/[^/?#]*@/, '//').replace(/[?#].*$/s, '');
  }
  if (!parsed.username && !parsed.password && !parsed.search && !parsed.hash && !url.includes('?') && !url.includes('#')) {
    return url;
  }
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

/** Whether the URL carries anything stripUrlCredentials would hide. */
export function hasHiddenUrlParts(url: string): boolean {
  return stripUrlCredentials(url) !== url;
}

/** `Basic …` for the URL's userinfo (percent-decoded, as curl sends it); null without userinfo. */
export function basicAuthFromUrl(url: URL): string | null {
  if (!url.username && !url.password) return null;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
