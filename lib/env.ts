/**
 * The process configuration: every environment variable the console reads,
 * parsed once by zod (at start-up, lib/server/start.ts) and read from here by
 * every module — nothing else in lib/ or app/ looks at process.env. A bad value
 * stops the start with a message naming the variable (several at once when
 * several are wrong): a silently ignored setting means a guardrail off or a
 * trigger that never fires.
 *
 * Rules that belong to a domain stay beside it as pure functions of the raw
 * values (HEAL_* with the metric ranges, the remediation settings with their
 * minimum lease, OIDC with its issuer checks, the database options in db/,
 * which may not import lib/); this file is where each is applied, once.
 *
 * Not here: proxy.ts, which runs before start-up in its own bundle and reads only
 * NODE_ENV and AUTH_OIDC_ISSUER (for the CSP), both validated here at start; and
 * lib/demo/start.ts, the demo launcher, which builds the environment of the
 * console it spawns.
 */
import 'server-only';
import { z } from 'zod';
import { optionsFromEnv, type DatabaseOptions } from '@/db/client';
import { readOidcSettings, requireVerifiedEmail, type OidcSettings } from '@/lib/auth/oidc';
import { healingTriggersFromEnv } from '@/lib/healing/triggers';
import type { HealingTriggers } from '@/lib/healing/types';
import { remediationSettingsFromEnv, type RemediationSettings } from '@/lib/remediation/settings';

export type RawEnv = Record<string, string | undefined>;

export const DEFAULT_SESSION_MAX_HOURS = 12;
const COMPONENT_LIMITS = { MAX_NEW_COMPONENTS_PER_BATCH: 100, MAX_COMPONENTS: 1000 } as const;

export interface ComponentLimits {
  maxNewPerBatch: number;
  maxTotal: number;
}

export interface Env {
  healingTriggers: HealingTriggers;
  remediation: RemediationSettings;
  componentLimits: ComponentLimits;
  /** SESSION_MAX_HOURS: the absolute session lifetime (lib/auth/session-policy.ts). */
  sessionMaxHours: number;
  /** AUTH_OIDC_*; null when OIDC sign-in is off. */
  oidc: OidcSettings | null;
  requireVerifiedEmail: boolean;
  /** AUTH_SECRET: read by Auth.js itself; here only to warn when it is missing. */
  authSecretSet: boolean;
  /** AUTH_URL (or NEXTAUTH_URL): the public origin when configured. */
  authUrl: string | undefined;
  slack: { webhookUrl: string | undefined; consoleUrl: string | undefined };
  render: { apiKey: string | undefined; apiUrl: string | undefined };
  admin: { email: string | undefined; password: string | undefined };
  /** DEMO_SIMULATOR=1 and its tick (DEMO_TICK_MS). */
  simulator: { enabled: boolean; tickMs: number };
  /** RECONCILER=off: the reconciler runs apart (`npm run reconciler`). */
  reconciler: boolean;
  /** PROMETHEUS_PULL_INTERVAL_SECONDS: how often Prometheus sources are pulled (lib/services/prometheus-puller.ts). */
  prometheusPullIntervalSeconds: number;
  /** METRICS_TOKEN: a bearer token that may scrape /metrics and nothing else. */
  metricsToken: string | undefined;
  database: DatabaseOptions;
}

/** A value that is absent or blank counts as unset (a `FOO=` line in an env file). */
const optionalText = z
  .string()
  .optional()
  .transform((raw) => (raw?.trim() ? raw.trim() : undefined));

function httpUrl(name: string) {
  return optionalText.superRefine((value, ctx) => {
    if (value === undefined) return;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an http(s) URL` });
    }
  });
}

function number(name: string, fallback: number, valid: (value: number) => boolean, must: string) {
  return optionalText.transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (valid(value)) return value;
    ctx.addIssue({ code: 'custom', message: `${name} ${must}, got "${raw}"` });
    return z.NEVER;
  });
}

const positiveInteger = (name: keyof typeof COMPONENT_LIMITS) =>
  number(name, COMPONENT_LIMITS[name], (n) => Number.isSafeInteger(n) && n >= 1, 'must be a positive integer');

function switchVar(name: string, on: string[], off: string[]) {
  return optionalText.transform((raw, ctx) => {
    const value = raw?.toLowerCase() ?? '';
    if (on.includes(value)) return true;
    if (value === '' || off.includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be ${[...on, ...off].join(' or ')}, got "${raw}"` });
    return z.NEVER;
  });
}

/** A domain's own parser (a pure function of the raw values that throws naming the variable) as a zod step. */
function viaParser<T>(parse: (raw: RawEnv) => T) {
  return z.custom<RawEnv>().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

const variables = z.object({
  SESSION_MAX_HOURS: number(
    'SESSION_MAX_HOURS',
    DEFAULT_SESSION_MAX_HOURS,
    // A minute at least (tests use short lifetimes), a year at most (a typo in ms would otherwise disable the limit).
    (hours) => Number.isFinite(hours) && hours >= 1 / 60 && hours <= 24 * 366,
    'must be a number of hours between 0.02 and 8784',
  ),
  MAX_NEW_COMPONENTS_PER_BATCH: positiveInteger('MAX_NEW_COMPONENTS_PER_BATCH'),
  MAX_COMPONENTS: positiveInteger('MAX_COMPONENTS'),
  AUTH_SECRET: optionalText,
  AUTH_URL: httpUrl('AUTH_URL'),
  NEXTAUTH_URL: httpUrl('NEXTAUTH_URL'),
  SLACK_WEBHOOK_URL: httpUrl('SLACK_WEBHOOK_URL'),
  CONSOLE_URL: httpUrl('CONSOLE_URL'),
  RENDER_API_KEY: optionalText,
  RENDER_API_URL: httpUrl('RENDER_API_URL'),
  ADMIN_EMAIL: optionalText,
  ADMIN_PASSWORD: z.string().optional(), // a password is taken as typed, spaces included
  DEMO_SIMULATOR: switchVar('DEMO_SIMULATOR', ['1'], ['0']),
  DEMO_TICK_MS: number('DEMO_TICK_MS', 5_000, (ms) => Number.isFinite(ms) && ms >= 10, 'must be a number of milliseconds ≥ 10'),
  RECONCILER: switchVar('RECONCILER', ['off'], ['on']), // true: off
  PROMETHEUS_PULL_INTERVAL_SECONDS: number(
    'PROMETHEUS_PULL_INTERVAL_SECONDS',
    60,
    (s) => Number.isSafeInteger(s) && s >= 1 && s <= 3600,
    'must be a whole number of seconds between 1 and 3600',
  ),
  // Long enough not to be guessed: it is compared as sent, with no lock-out after failures.
  METRICS_TOKEN: optionalText.refine((token) => token === undefined || token.length >= 16, {
    message: 'METRICS_TOKEN must be at least 16 characters',
  }),
});

const schema = z
  .object({
    variables,
    healingTriggers: viaParser(healingTriggersFromEnv),
    remediation: viaParser(remediationSettingsFromEnv),
    oidc: viaParser((raw) => {
      const { settings, error } = readOidcSettings(raw);
      if (error) throw new Error(error);
      return settings;
    }),
    requireVerifiedEmail: viaParser(requireVerifiedEmail),
    database: viaParser(optionsFromEnv),
  })
  .transform(({ variables: v, ...parsed }): Env => ({
    ...parsed,
    componentLimits: { maxNewPerBatch: v.MAX_NEW_COMPONENTS_PER_BATCH, maxTotal: v.MAX_COMPONENTS },
    sessionMaxHours: v.SESSION_MAX_HOURS,
    authSecretSet: v.AUTH_SECRET !== undefined,
    authUrl: v.AUTH_URL ?? v.NEXTAUTH_URL,
    slack: { webhookUrl: v.SLACK_WEBHOOK_URL, consoleUrl: v.CONSOLE_URL ?? v.AUTH_URL },
    render: { apiKey: v.RENDER_API_KEY, apiUrl: v.RENDER_API_URL },
    admin: { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD || undefined },
    simulator: { enabled: v.DEMO_SIMULATOR, tickMs: v.DEMO_TICK_MS },
    reconciler: !v.RECONCILER,
    prometheusPullIntervalSeconds: v.PROMETHEUS_PULL_INTERVAL_SECONDS,
    metricsToken: v.METRICS_TOKEN,
  }));

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the given variables (all optional; defaults as in README). Throws ConfigError naming each bad variable. */
export function parseEnv(raw: RawEnv): Env {
  const result = schema.safeParse({
    variables: raw,
    healingTriggers: raw,
    remediation: raw,
    oidc: raw,
    requireVerifiedEmail: raw,
    database: raw,
  });
  if (result.success) return result.data;
  throw new ConfigError(`Invalid configuration: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
}

let cached: Env | undefined;

/** The console's configuration, parsed from process.env on first use (start-up calls it first). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed configuration, for tests that change process.env between calls (the console never does). */
export function resetEnvForTests(): void {
  cached = undefined;
}
