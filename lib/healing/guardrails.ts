/**
 * Guardrails (SPEC §4) that stop the console from healing a component to
 * death: a global pause, a cooldown per component and action, and a cap on
 * automatic actions per component per hour. Pure: the caller passes the clock
 * and the component's recent executions.
 */
import type { RemediationAction } from './vocabulary';

export interface GuardrailSettings {
  cooldownMs: number;
  hourlyCap: number;
}

export const DEFAULT_GUARDRAILS: GuardrailSettings = { cooldownMs: 10 * 60_000, hourlyCap: 3 };

/** An execution that counts against the guardrails (started, whatever its outcome). */
export interface PastExecution {
  action: RemediationAction;
  startedAt: Date;
  automatic: boolean;
}

export type GuardrailName = 'paused' | 'cooldown' | 'hourly_cap';

export type GuardrailVerdict =
  | { ok: true }
  | { ok: false; guardrail: GuardrailName; message: string; clearsAt: Date | null };

const HOUR_MS = 60 * 60_000;

export function checkGuardrails(input: {
  now: Date;
  action: RemediationAction;
  component: string;
  /** Requested by the reconciler or a machine token, not by a person. */
  automatic: boolean;
  paused: boolean;
  history: readonly PastExecution[];
  settings?: GuardrailSettings;
}): GuardrailVerdict {
  const { now, action, component, automatic, paused, history } = input;
  const settings = input.settings ?? DEFAULT_GUARDRAILS;
  // The pause stops automation; a person acting by hand during an incident is exactly what it is for.
  if (automatic && paused) {
    return {
      ok: false,
      guardrail: 'paused',
      message: 'automatic remediation is paused by an admin; it resumes when the pause is lifted',
      clearsAt: null,
    };
  }
  const sameAction = history.filter((e) => e.action === action);
  const last = sameAction.reduce<Date | null>((a, e) => (a && a > e.startedAt ? a : e.startedAt), null);
  if (last && now.getTime() - last.getTime() < settings.cooldownMs) {
    const clearsAt = new Date(last.getTime() + settings.cooldownMs);
    return {
      ok: false,
      guardrail: 'cooldown',
      message: `${action} of ${component} ran at ${last.toISOString()}; cooldown of ${minutes(settings.cooldownMs)} until ${clearsAt.toISOString()}`,
      clearsAt,
    };
  }
  if (automatic) {
    const lastHour = history
      .filter((e) => e.automatic && now.getTime() - e.startedAt.getTime() < HOUR_MS)
      .map((e) => e.startedAt.getTime())
      .sort((a, b) => a - b);
    if (lastHour.length >= settings.hourlyCap) {
      // The cap clears when the oldest execution that counts leaves the hour.
      const clearsAt = new Date(lastHour[lastHour.length - settings.hourlyCap]! + HOUR_MS);
      return {
        ok: false,
        guardrail: 'hourly_cap',
        message: `${component} already had ${lastHour.length} automatic actions in the last hour (cap ${settings.hourlyCap}); the next is allowed at ${clearsAt.toISOString()}`,
        clearsAt,
      };
    }
  }
  return { ok: true };
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
