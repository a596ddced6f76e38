/**
 * Which component an Alertmanager alert is about, and whether it heals. Pure.
 * The admin sets both lists (the `alert_routing` setting, /admin → Alert routing):
 * the labels read in order (the first present one names the component) and the
 * `severity` values that make a firing alert a healing trigger.
 */
export const DEFAULT_COMPONENT_LABELS: readonly string[] = ['component', 'service', 'job'];
export const DEFAULT_HEALING_SEVERITIES: readonly string[] = ['critical'];
/** Prometheus's label-name grammar. */
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const MAX_ROUTING_ENTRIES = 10;

export interface AlertRouting {
  /** Labels that name the component, first match wins. */
  componentLabels: string[];
  /** `severity` label values whose firing alerts are healing triggers (empty: none heal). */
  healingSeverities: string[];
}

export const DEFAULT_ALERT_ROUTING: AlertRouting = {
  componentLabels: [...DEFAULT_COMPONENT_LABELS],
  healingSeverities: [...DEFAULT_HEALING_SEVERITIES],
};

/** The first label of `order` the alert carries with a non-empty value: its name and value. */
export function componentLabelOf(labels: Record<string, string>, order: readonly string[]): { label: string; value: string } | null {
  for (const label of order) {
    const value = labels[label];
    if (value) return { label, value };
  }
  return null;
}

export function isHealingSeverity(severity: string | null | undefined, healing: readonly string[]): boolean {
  return severity != null && healing.includes(severity);
}
