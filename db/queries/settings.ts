import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';

const PAUSE_KEY = 'automation_paused';

export interface PauseState {
  paused: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The global pause switch (SPEC §4): while on, nothing runs automatically. */
export async function automationPause(db: Db): Promise<PauseState> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PAUSE_KEY)).limit(1);
  return { paused: row?.value === true, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null };
}

export async function setAutomationPaused(db: Db, paused: boolean, by: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: PAUSE_KEY, value: paused, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: paused, updatedBy: by, updatedAt: new Date() } });
}

const HOOK_RANGES_KEY = 'hook_allowed_ranges';

export interface HookRangesState {
  /** CIDRs an admin allows cleanup hooks on beyond public addresses (lib/executors/http/address-policy.ts). */
  ranges: string[];
  /** False while no admin has saved the setting: `ranges` is then the default. */
  saved: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function hookAllowedRanges(db: Db, defaults: readonly string[]): Promise<HookRangesState> {
  const [row] = await db.select().from(settings).where(eq(settings.key, HOOK_RANGES_KEY)).limit(1);
  if (!row) return { ranges: [...defaults], saved: false, updatedBy: null, updatedAt: null };
  const ranges = Array.isArray(row.value) ? row.value.filter((v): v is string => typeof v === 'string') : [];
  return { ranges, saved: true, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}

export async function setHookAllowedRanges(db: Db, ranges: string[], by: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: HOOK_RANGES_KEY, value: ranges, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: ranges, updatedBy: by, updatedAt: new Date() } });
}

const ALERT_ROUTING_KEY = 'alert_routing';

export interface AlertRoutingState {
  /** Labels naming an alert's component, first match wins (lib/alerts/routing.ts). */
  componentLabels: string[];
  /** `severity` values whose firing alerts are healing triggers. */
  healingSeverities: string[];
  /** False while no admin has saved the setting: the lists are then the defaults. */
  saved: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;

export async function alertRouting(db: Db, defaults: { componentLabels: readonly string[]; healingSeverities: readonly string[] }): Promise<AlertRoutingState> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ALERT_ROUTING_KEY)).limit(1);
  const value = (row?.value ?? {}) as { component_labels?: unknown; healing_severities?: unknown };
  return {
    componentLabels: strings(value.component_labels) ?? [...defaults.componentLabels],
    healingSeverities: strings(value.healing_severities) ?? [...defaults.healingSeverities],
    saved: row !== undefined,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function setAlertRouting(db: Db, routing: { componentLabels: string[]; healingSeverities: string[] }, by: string): Promise<void> {
  const value = { component_labels: routing.componentLabels, healing_severities: routing.healingSeverities };
  await db
    .insert(settings)
    .values({ key: ALERT_ROUTING_KEY, value, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
}
