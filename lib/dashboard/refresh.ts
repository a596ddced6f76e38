/** How often the live pages (overview, predictions, a component) refresh while their tab is visible. */
export const OVERVIEW_REFRESH_MS = 5_000;
