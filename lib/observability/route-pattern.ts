/**
 * The route pattern of an API request — `/api/v1/components/[name]/health`,
 * not `/api/v1/components/checkout/health` — so the request metrics have one
 * series per route, whatever names callers send. Next.js does not hand a route
 * handler its own pattern; it does hand it the matched params, so each param's
 * value is put back as `[param]`. Dynamic segments of /api/v1 routes come after
 * `/api/v1/<collection>/`, so the search starts there: a component named
 * `health` or `components` still lands in its own segment. Whatever the names,
 * the other segments are the matched route's static ones: bounded either way.
 */
const FIRST_DYNAMIC_SEGMENT = 3; // ['api', 'v1', '<collection>', …]

export function routePattern(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const segments = pathname.split('/').filter(Boolean);
  const decoded = segments.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const at = decoded.findIndex((s, i) => i >= FIRST_DYNAMIC_SEGMENT && s === values[0] && segments[i]![0] !== '[');
    if (at < 0) continue;
    segments.splice(at, values.length, Array.isArray(value) ? `[...${key}]` : `[${key}]`);
    decoded.splice(at, values.length, `[${key}]`);
  }
  return `/${segments.join('/')}`;
}
