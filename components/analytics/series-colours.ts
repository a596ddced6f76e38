/**
 * The analytics' series colours: --chart-1 … --chart-10 (app/globals.css, light
 * and dark). As many as the registry has action types (BRAIN_ACTION_TYPES), so
 * no two series of a chart share a colour; each type keeps its place in the
 * registry's order, so it has the same colour whichever types a window shows.
 */
export const SERIES_COLOURS = Array.from({ length: 10 }, (_, i) => `var(--chart-${i + 1})`);

/** `type`'s colour by its index in `types` (the registry's list); a type outside it is drawn muted. */
export function colourOf(types: readonly string[], type: string): string {
  return SERIES_COLOURS[types.indexOf(type)] ?? 'var(--muted)';
}
