import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourOf, SERIES_COLOURS } from '@/components/analytics/series-colours';
import { BRAIN_ACTION_TYPES } from '@/lib/healing/vocabulary';

describe('analytics series colours', () => {
  it('give every action type of the registry its own colour', () => {
    const colours = BRAIN_ACTION_TYPES.map((t) => colourOf(BRAIN_ACTION_TYPES, t));
    expect(new Set(colours).size).toBe(BRAIN_ACTION_TYPES.length);
    expect(colours).not.toContain('var(--muted)');
  });

  it('are each defined for the light and the dark theme, distinct within each', () => {
    const css = readFileSync('app/globals.css', 'utf8');
    // var(--chart-N) → its two values, light (:root) then dark (the prefers-color-scheme block).
    const themes = SERIES_COLOURS.map((colour) => {
      const values = [...css.matchAll(new RegExp(`${colour.slice('var('.length, -1)}:\\s*(#[0-9a-f]{6});`, 'gi'))].map((m) => m[1]!.toLowerCase());
      expect(values, colour).toHaveLength(2);
      return values;
    });
    for (const theme of [0, 1]) expect(new Set(themes.map((v) => v[theme])).size, `theme ${theme}`).toBe(SERIES_COLOURS.length);
  });
});
