/**
 * The one way a person or a token changes a component's configuration (PUT
 * /api/v1/components/{name}, the admin page's policy), with the two rules that
 * keep operators operators (SPEC §4, §6):
 *
 * 1. Routing and authentication fields are an admin's: environment, policy,
 *    render_service_id, cleanup_url decide what an action hits and whether it
 *    needs an approver, max_instances how far a scale may go, and
 *    cleanup_secret how the hook trusts the console.
 *    Anyone else setting one to something new gets a 403 naming the fields;
 *    re-sending the current value is allowed (a pipeline may PUT its whole
 *    config). The secret is write-only, so any cleanup_secret (value or null)
 *    from a non-admin is refused.
 * 2. Re-sending what GET shows never erases what GET hides: GET shows
 *    cleanup_url without userinfo and query (lib/url-credentials.ts), so a
 *    cleanup_url that carries nothing hidden and equals the stored one as GET
 *    shows it keeps the stored URL whole. Replacing the hidden parts takes a URL
 *    that carries them; removing them, clearing (null) and setting it again.
 *
 * Both are judged under the component's row lock against what is stored. A
 * new name is first registered with defaults (component-registry.ts: caps, ON
 * CONFLICT DO NOTHING) and then locked, so a component someone else creates at
 * the same moment — an admin with routing — is judged as they left it, never
 * overwritten as if this request had created it.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { configOf, lockComponentByName, setHookSecret, writeComponentConfig } from '@/db/queries/components';
import type { Component, ComponentConfig } from '@/db/schema';
import { DomainError } from '@/lib/healing/domain-error';
import { routingChanges } from '@/lib/healing/risk';
import { stripUrlCredentials, hasHiddenUrlParts } from '@/db/url-credentials';
import type { ComponentConfigInput } from '@/lib/validation/component';
import { registerComponent } from './component-registry';
import { assertCleanupUrlAllowed } from './hook-addresses';

export interface ConfigActor {
  /** Recorded in the config history, e.g. `token:deploy-bot` or `user:ana@example.com`. */
  by: string;
  admin: boolean;
}

/** `changes` with a cleanup_url that only repeats what GET shows of the stored one left out (rule 2). */
export function keepHiddenParts(storedUrl: string | null, changes: Partial<ComponentConfig>): Partial<ComponentConfig> {
  const sent = changes.cleanup_url;
  if (typeof sent !== 'string' || storedUrl === null || hasHiddenUrlParts(sent)) return changes;
  if (stripUrlCredentials(sent) !== stripUrlCredentials(storedUrl)) return changes;
  const { cleanup_url: _shown, ...rest } = changes;
  return rest;
}

/** The admin fields `changes` (and a cleanup_secret, if sent) would change on `current` (rule 1). */
export function adminFieldChanges(current: Component, changes: Partial<ComponentConfig>, secretSent: boolean): string[] {
  // Compared with the stored URL whole: re-sending it exactly is no change.
  const stored = { ...configOf(current), cleanup_url: current.cleanupUrl };
  return [...routingChanges(stored, changes), ...(secretSent ? ['cleanup_secret'] : [])];
}

export async function configureComponent(
  db: Db,
  name: string,
  input: ComponentConfigInput,
  actor: ConfigActor,
): Promise<{ component: Component; created: boolean }> {
  const { cleanup_secret: secret, ...sent } = input;
  // Before the transaction: a host name's DNS lookup must not hold a connection and a row lock.
  await assertCleanupUrlAllowed(db, input.cleanup_url);
  // One transaction: the configuration and the hook secret are stored together or not at all.
  return db.transaction(async (tx) => {
    let current = await lockComponentByName(tx, name);
    let created = false;
    if (!current) {
      created = (await registerComponent(tx, name)).created;
      current = await lockComponentByName(tx, name);
      if (!current) throw new Error(`component ${name} vanished while registering`);
    }
    const changes = keepHiddenParts(current.cleanupUrl, sent);
    const fields = adminFieldChanges(current, changes, secret !== undefined);
    if (!actor.admin && fields.length > 0) {
      throw new DomainError('forbidden', `${fields.join(', ')}: changing where remediations act, how risky they are, how far a scale may go or how the cleanup hook authenticates requires the admin role`, { issues: fields.map((field) => ({ field, message: 'requires the admin role to change' })) });
    }
    let component = await writeComponentConfig(tx, current, changes, actor.by);
    if (secret !== undefined) {
      await setHookSecret(tx, component.id, secret);
      component = { ...component, hookSecret: secret };
    }
    return { component, created };
  });
}
