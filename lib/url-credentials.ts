/**
 * URLs may carry credentials as userinfo (`https://user:password@host/…`).
 * Cleanup-hook URLs are stored with them on the component (the hook needs
 * them), but never in the config history, API answers, audit rows or logs:
 * those get the URL with its userinfo removed.
 */

/** The URL without `user:password@`; any other string (or null) unchanged. */
export function stripUrlCredentials(url: string): string;
export function stripUrlCredentials(url: string | null): string | null;
export function stripUrlCredentials(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: drop anything that looks like userinfo rather than echo it.
    return url.replace(/\/\/[^/?#@]*@/, '//');
  }
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** `Basic …` for the URL's userinfo (percent-decoded, as curl sends it); null without userinfo. */
export function basicAuthFromUrl(url: URL): string | null {
  if (!url.username && !url.password) return null;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
