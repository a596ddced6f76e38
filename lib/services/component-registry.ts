/**
 * The one way a component comes into being — a sample batch, a health check,
 * a PUT, the demo simulator — with the caps that keep an operator token (or a
 * misconfigured exporter inventing names) from registering without bound:
 *   - MAX_NEW_COMPONENTS_PER_BATCH (default 100) new names per request;
 *   - MAX_COMPONENTS (default 1000) components in all.
 * A request over either is refused whole with 422 naming the limit, so the
 * transaction it runs in stores nothing. 422, not 413 (the body's byte limit)
 * or 429 (waiting does not help): the request is well-formed, and what it asks
 * for exceeds a configured limit — split the batch, or raise the setting.
 */
import 'server-only';
import type { Db } from '@/db/client';
import {
  componentsByName,
  countComponents,
  findComponentByName,
  insertComponentNames,
  lockComponentRegistration,
} from '@/db/queries/components';
import type { Component } from '@/db/schema';
import { env, type ComponentLimits } from '@/lib/env';
import { DomainError } from '@/lib/healing/domain-error';

export type { ComponentLimits };

/** MAX_NEW_COMPONENTS_PER_BATCH and MAX_COMPONENTS, parsed in lib/env.ts. */
function defaultLimits(): ComponentLimits {
  return env().componentLimits;
}

function limitError(message: string, limit: 'MAX_NEW_COMPONENTS_PER_BATCH' | 'MAX_COMPONENTS', max: number, requested: number): DomainError {
  return new DomainError('component_limit', message, { issues: [{ field: 'component', message }], details: { limit, max, new_components: requested } });
}

/**
 * Returns name → row for every name, registering the unknown ones with defaults
 * (environment `production`) within the caps, and which names this call created.
 * Rows, not ids: a batch judges the components it registered, and would
 * otherwise read each one again.
 * Runs in the caller's transaction when given one (a refusal then rolls back
 * everything the request did).
 */
export async function registerComponents(
  db: Db,
  names: string[],
  limits: ComponentLimits = defaultLimits(),
): Promise<{ components: Map<string, Component>; created: string[] }> {
  const unique = [...new Set(names)].sort();
  const known = await componentsByName(db, unique);
  // The hot path: every name is known, nothing to lock or count.
  if (known.size === unique.length) return { components: known, created: [] };
  return db.transaction(async (tx) => {
    await lockComponentRegistration(tx);
    // Re-read under the lock: a concurrent registration may have created some meanwhile.
    const before = await componentsByName(tx, unique);
    const fresh = unique.filter((name) => !before.has(name));
    if (fresh.length > limits.maxNewPerBatch) {
      throw limitError(
        `this request would register ${fresh.length} new components; at most ${limits.maxNewPerBatch} per request (MAX_NEW_COMPONENTS_PER_BATCH)`,
        'MAX_NEW_COMPONENTS_PER_BATCH',
        limits.maxNewPerBatch,
        fresh.length,
      );
    }
    const total = await countComponents(tx);
    if (total + fresh.length > limits.maxTotal) {
      throw limitError(
        `the console has ${total} components and this request would register ${fresh.length} more; at most ${limits.maxTotal} in all (MAX_COMPONENTS)`,
        'MAX_COMPONENTS',
        limits.maxTotal,
        fresh.length,
      );
    }
    // Sorted (unique is): see ensureComponents on why that avoids deadlocks.
    const created = await insertComponentNames(tx, fresh);
    return { components: await componentsByName(tx, unique), created };
  });
}

/** registerComponents for one name, returning its row. */
export async function registerComponent(db: Db, name: string, limits?: ComponentLimits): Promise<{ component: Component; created: boolean }> {
  const existing = await findComponentByName(db, name);
  if (existing) return { component: existing, created: false };
  const { components, created } = await registerComponents(db, [name], limits);
  const component = components.get(name);
  if (!component) throw new Error(`component ${name} vanished while registering`);
  return { component, created: created.length > 0 };
}
