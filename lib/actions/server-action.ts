/**
 * The one wrapper every server action goes through (the guide's pattern):
 * session and role → zod safeParse → domain call → revalidate → a typed
 * `{ ok: true, data } | { ok: false, error }`. Actions never check roles or
 * format errors themselves. Next.js itself refuses action POSTs whose Origin
 * does not match the host.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { ApiError } from '@/lib/api/errors';
import { DomainError } from '@/lib/healing/domain-error';
import { hasRole, type Role } from '@/lib/auth/roles';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { log } from '@/lib/log';
import { ActionError } from './action-error';

export { ActionError };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; /** The offending field, when the input was invalid. */ field?: string };

export interface ActionContext {
  user: SessionUser;
  db: Db;
}

/**
 * The action's parameter is typed by what its schema accepts (`z.input`, before
 * defaults and transforms), so a browser call site with a wrong or missing
 * field fails `tsc` (tests/types/server-action-input.ts). The type is only a
 * promise to honest callers: anyone can POST anything, so the schema still
 * parses every call.
 */
export function serverAction<Schema extends z.ZodType, T>(
  options: { role: Role; schema: Schema; name: string; revalidate?: string[] },
  run: (input: z.output<Schema>, ctx: ActionContext) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (raw: z.input<Schema> | FormData) => {
    const user = await currentUser();
    if (!user) return { ok: false, error: 'Your session has ended; sign in again.' };
    if (!hasRole(user.role, options.role)) {
      return { ok: false, error: `This needs the ${options.role} role (you are ${user.role}).` };
    }
    const input = raw instanceof FormData ? Object.fromEntries(raw.entries()) : raw;
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || undefined;
      return { ok: false, error: field ? `${field}: ${issue.message}` : issue.message, field };
    }
    try {
      const data = await run(parsed.data, { user, db: await getDb() });
      for (const path of options.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof ActionError) return { ok: false, error: error.message, field: error.field };
      if (error instanceof DomainError) return { ok: false, error: error.message, field: error.field };
      if (error instanceof ApiError && error.status < 500) return { ok: false, error: error.message };
      log.error('server action failed', { action: options.name, user: user.id, error });
      return { ok: false, error: 'Something went wrong on the server; the details are in the console log.' };
    }
  };
}
