/**
 * Applies the guardrails inside a transaction that holds the component's row,
 * so concurrent requests and approvals for one component are judged one after
 * another against each other's effects. Refusal: 409 naming the guardrail.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { executionsSince } from '@/db/queries/remediations';
import { automationPause } from '@/db/queries/settings';
import { components, type Component, type RemediationAction } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { checkGuardrails, type GuardrailSettings } from '@/lib/healing/guardrails';

const HOUR_MS = 60 * 60_000;

/** Locks the component row until the surrounding transaction ends. */
export async function lockComponent(tx: Db, component: Component): Promise<void> {
  await tx.select({ id: components.id }).from(components).where(eq(components.id, component.id)).for('update');
}

export async function enforceGuardrails(
  tx: Db,
  input: { component: Component; action: RemediationAction; automatic: boolean; now: Date; settings: GuardrailSettings },
): Promise<void> {
  const { component, action, automatic, now, settings } = input;
  const verdict = checkGuardrails({
    now,
    action,
    component: component.name,
    automatic,
    paused: (await automationPause(tx)).paused,
    history: await executionsSince(tx, component.id, new Date(now.getTime() - Math.max(HOUR_MS, settings.cooldownMs))),
    settings,
  });
  if (!verdict.ok) {
    throw new DomainError('guardrail', verdict.message, { details: {
      guardrail: verdict.guardrail,
      clears_at: verdict.clearsAt?.toISOString() ?? null,
    } });
  }
}
