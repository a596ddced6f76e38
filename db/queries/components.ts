import 'server-only';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { stripUrlCredentials } from '../url-credentials';
import { componentConfigs, components, type Component, type ComponentConfig } from '../schema';

export async function findComponentByName(db: Db, name: string): Promise<Component | undefined> {
  const [row] = await db.select().from(components).where(eq(components.name, name)).limit(1);
  return row;
}

export function listComponents(db: Db): Promise<Component[]> {
  return db.select().from(components).orderBy(asc(components.name));
}

/**
 * Registers every unknown name with defaults and returns name → id for all of
 * them. Product paths register through lib/services/component-registry.ts,
 * which caps how many components a batch and the console may create; this is
 * the bare insert (tests seed with it). Names are inserted in sorted order: two
 * batches registering the same new names in different orders would otherwise
 * each hold one name's unique-index entry and wait for the other's (a deadlock,
 * one batch aborted). Sorted, the second simply waits for the first.
 */
export async function ensureComponents(db: Db, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)].sort();
  if (unique.length === 0) return new Map();
  await insertComponentNames(db, unique);
  return componentIdsByName(db, unique);
}

/** ensureComponents for one name, returning its row. */
export async function ensureComponent(db: Db, name: string): Promise<Component> {
  // Read first: on the hot path (every health check) the component exists.
  const existing = await findComponentByName(db, name);
  if (existing) return existing;
  await insertComponentNames(db, [name]);
  const winner = await findComponentByName(db, name); // ours, or a concurrent first sample's
  if (!winner) throw new Error(`component ${name} vanished while registering`);
  return winner;
}

/** Inserts these names (sorted by the caller) with defaults; names already registered are left alone. Returns the names inserted. */
export async function insertComponentNames(db: Db, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .insert(components)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing()
    .returning({ name: components.name });
  return rows.map((r) => r.name);
}

export async function componentIdsByName(db: Db, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ id: components.id, name: components.name })
    .from(components)
    .where(inArray(components.name, names));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The rows of the given names that exist, by name: what a batch registers and then judges, read once. */
export async function componentsByName(db: Db, names: string[]): Promise<Map<string, Component>> {
  if (names.length === 0) return new Map();
  const rows = await db.select().from(components).where(inArray(components.name, names));
  return new Map(rows.map((r) => [r.name, r]));
}

export async function countComponents(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(components);
  return row?.n ?? 0;
}

/**
 * Serialises registrations of new components until the transaction ends, so
 * two batches cannot both pass the total cap (lib/services/component-registry.ts).
 * Only taken when a batch has new names: the hot path never waits on it.
 */
export async function lockComponentRegistration(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('components:register'))`);
}

/** The component's row, locked until the transaction ends (FOR UPDATE); undefined when not registered. */
export async function lockComponentByName(tx: Db, name: string): Promise<Component | undefined> {
  const [row] = await tx.select().from(components).where(eq(components.name, name)).for('update').limit(1);
  return row;
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
    max_instances: component.maxInstances,
  };
}

/**
 * Writes a configuration change to a registered component whose row the caller
 * holds locked (lockComponentByName), and appends the resulting version to its
 * config history (the source of `config` rollbacks). Fields absent from
 * `changes` keep their current value. Who may change what is decided before,
 * in lib/services/component-config.ts.
 */
export async function writeComponentConfig(
  tx: Db,
  current: Component,
  changes: Partial<ComponentConfig>,
  changedBy: string,
): Promise<Component> {
  const values = {
    ...(changes.environment !== undefined && { environment: changes.environment }),
    ...(changes.thresholds !== undefined && { thresholds: changes.thresholds }),
    ...(changes.policy !== undefined && { policy: changes.policy }),
    ...(changes.render_service_id !== undefined && { renderServiceId: changes.render_service_id }),
    ...(changes.cleanup_url !== undefined && { cleanupUrl: changes.cleanup_url }),
    ...(changes.max_instances !== undefined && { maxInstances: changes.max_instances }),
  };
  const [component] = (await tx
    .update(components)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(components.id, current.id))
    .returning()) as [Component];
  await tx.insert(componentConfigs).values({ componentId: component.id, config: configOf(component), changedBy });
  return component;
}

/**
 * writeComponentConfig taking the row lock itself, registering the name with
 * defaults first when unknown (config rollbacks, test seeding). No caps and no
 * authorization: people and tokens go through lib/services/component-config.ts.
 * Registered-then-locked, never INSERT … ON CONFLICT DO UPDATE: a row created
 * concurrently is updated as it is, not overwritten as if new.
 */
export async function upsertComponentConfig(
  db: Db,
  name: string,
  changes: Partial<ComponentConfig>,
  changedBy: string,
): Promise<{ component: Component; created: boolean }> {
  return db.transaction(async (tx) => {
    let current = await lockComponentByName(tx, name);
    const created = current ? false : (await insertComponentNames(tx, [name])).length > 0;
    current ??= await lockComponentByName(tx, name);
    if (!current) throw new Error(`component ${name} vanished while registering`);
    return { component: await writeComponentConfig(tx, current, changes, changedBy), created };
  });
}

/** Sets (or with null clears) the cleanup-hook signing secret. Kept out of the config history on purpose. */
export async function setHookSecret(db: Db, componentId: string, secret: string | null): Promise<void> {
  await db.update(components).set({ hookSecret: secret, updatedAt: sql`now()` }).where(eq(components.id, componentId));
}
