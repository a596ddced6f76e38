import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { stripUrlCredentials } from '@/lib/url-credentials';
import { componentConfigs, components, type Component, type ComponentConfig } from '../schema';

export async function findComponentByName(db: Db, name: string): Promise<Component | undefined> {
  const [row] = await db.select().from(components).where(eq(components.name, name)).limit(1);
  return row;
}

export function listComponents(db: Db): Promise<Component[]> {
  return db.select().from(components).orderBy(asc(components.name));
}

/**
 * Returns the component, registering it with defaults (environment `production`)
 * if this is the first time the console hears of it. Safe under concurrency.
 */
export async function ensureComponent(db: Db, name: string): Promise<Component> {
  // Read first: on the hot path (every health check) the component exists.
  const existing = await findComponentByName(db, name);
  if (existing) return existing;
  const [created] = await db.insert(components).values({ name }).onConflictDoNothing().returning();
  const winner = created ?? (await findComponentByName(db, name)); // a concurrent first sample won the race
  if (!winner) throw new Error(`component ${name} vanished while registering`);
  return winner;
}

/**
 * Registers every unknown name at once and returns name → id for all of them.
 * Names are inserted in sorted order: two batches registering the same new
 * names in different orders would otherwise each hold one name's unique-index
 * entry and wait for the other's (a deadlock, one batch aborted). Sorted, the
 * second simply waits for the first.
 */
export async function ensureComponents(db: Db, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)].sort();
  if (unique.length === 0) return new Map();
  await db
    .insert(components)
    .values(unique.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: components.id, name: components.name })
    .from(components)
    .where(inArray(components.name, unique));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * The component's configuration as recorded in its history and shown in
 * rollback results: `cleanup_url` without userinfo credentials (the component
 * row keeps them; the hook needs them).
 */
export function configOf(component: Component): ComponentConfig {
  return {
    environment: component.environment,
    thresholds: component.thresholds,
    policy: component.policy,
    render_service_id: component.renderServiceId,
    cleanup_url: stripUrlCredentials(component.cleanupUrl),
  };
}

/**
 * Creates or updates a component's configuration and appends the resulting
 * version to its config history (the source of `config` rollbacks).
 * Fields absent from `changes` keep their current value. `authorize` sees the
 * current configuration (null for a new component) under the row lock and may
 * throw to refuse the change, so a check and the write cannot interleave.
 */
export async function upsertComponentConfig(
  db: Db,
  name: string,
  changes: Partial<ComponentConfig>,
  changedBy: string,
  authorize?: (current: ComponentConfig | null) => void,
): Promise<{ component: Component; created: boolean }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(components)
      .where(eq(components.name, name))
      .for('update')
      .limit(1);
    authorize?.(current ? configOf(current) : null);
    const values = {
      ...(changes.environment !== undefined && { environment: changes.environment }),
      ...(changes.thresholds !== undefined && { thresholds: changes.thresholds }),
      ...(changes.policy !== undefined && { policy: changes.policy }),
      ...(changes.render_service_id !== undefined && { renderServiceId: changes.render_service_id }),
      ...(changes.cleanup_url !== undefined && { cleanupUrl: changes.cleanup_url }),
    };
    let component: Component;
    if (current) {
      [component] = (await tx
        .update(components)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(components.id, current.id))
        .returning()) as [Component];
    } else {
      [component] = (await tx
        .insert(components)
        .values({ name, ...values })
        .onConflictDoUpdate({ target: components.name, set: { ...values, updatedAt: sql`now()` } })
        .returning()) as [Component];
    }
    await tx.insert(componentConfigs).values({
      componentId: component.id,
      config: configOf(component),
      changedBy,
    });
    return { component, created: !current };
  });
}

/** Sets (or with null clears) the cleanup-hook signing secret. Kept out of the config history on purpose. */
export async function setHookSecret(db: Db, componentId: string, secret: string | null): Promise<void> {
  await db.update(components).set({ hookSecret: secret, updatedAt: sql`now()` }).where(eq(components.id, componentId));
}
