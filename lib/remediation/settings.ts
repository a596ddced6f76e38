/**
 * Remediation settings from the environment, validated loudly (a typo must not
 * silently turn a guardrail off). Defaults per SPEC §4.
 */
import 'server-only';
import { RENDER_ACTION_WORST_CASE_MS } from '@/lib/executors/render';
import type { GuardrailSettings } from '@/lib/healing/guardrails';

/**
 * The shortest execution lease allowed: the slowest action's worst case (a
 * Render deployment rollback, 192 s — see RENDER_ACTION_WORST_CASE_MS; a
 * cleanup hook takes at most 11 s) plus 30 s for the database work around it.
 * A shorter lease would let the reconciler mark a healthy, slow execution failed.
 */
export const MIN_EXECUTION_LEASE_SECONDS = Math.ceil(RENDER_ACTION_WORST_CASE_MS / 1000) + 30;

export interface RemediationSettings {
  guardrails: GuardrailSettings;
  /** How long a high-risk proposal waits for an approver. */
  approvalExpiryMs: number;
  /** An executing remediation whose executor has not reported by then is failed, never re-run. */
  executionLeaseMs: number;
  reconcileIntervalMs: number;
  /** Health checks older than this are not acted on: stale data must not trigger a restart. */
  maxEvidenceAgeMs: number;
  /** After a person rejects an action, the reconciler does not propose it again for the component this long. */
  rejectionSnoozeMs: number;
}

const SETTINGS_ENV = {
  REMEDIATION_COOLDOWN_MINUTES: 10,
  REMEDIATION_HOURLY_CAP: 3,
  APPROVAL_EXPIRY_MINUTES: 30,
  EXECUTION_LEASE_SECONDS: 300,
  RECONCILE_INTERVAL_SECONDS: 60,
  MAX_EVIDENCE_AGE_SECONDS: 300,
  REJECTION_SNOOZE_MINUTES: 60,
} as const;
type SettingName = keyof typeof SETTINGS_ENV;

function read(env: Record<string, string | undefined>, name: SettingName, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return SETTINGS_ENV[name];
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

export function remediationSettingsFromEnv(env: Record<string, string | undefined>): RemediationSettings {
  return {
    guardrails: {
      cooldownMs: read(env, 'REMEDIATION_COOLDOWN_MINUTES', 0) * 60_000,
      hourlyCap: read(env, 'REMEDIATION_HOURLY_CAP', 0),
    },
    approvalExpiryMs: read(env, 'APPROVAL_EXPIRY_MINUTES', 0.05) * 60_000,
    executionLeaseMs: read(env, 'EXECUTION_LEASE_SECONDS', MIN_EXECUTION_LEASE_SECONDS) * 1000,
    reconcileIntervalMs: read(env, 'RECONCILE_INTERVAL_SECONDS', 0.5) * 1000,
    maxEvidenceAgeMs: read(env, 'MAX_EVIDENCE_AGE_SECONDS', 1) * 1000,
    rejectionSnoozeMs: read(env, 'REJECTION_SNOOZE_MINUTES', 0) * 60_000,
  };
}
