/** The admin_events audit log: written with each admin change, read newest first by /admin. */
import { desc } from 'drizzle-orm';
import type { Db } from '../client';
import { adminEvents, type AdminEvent, type NewAdminEvent } from '../schema';

export async function insertAdminEvent(db: Db, event: NewAdminEvent): Promise<AdminEvent> {
  const [row] = await db.insert(adminEvents).values(event).returning();
  return row!;
}

/** The newest `limit` events (served by admin_events_at_idx). */
export function recentAdminEvents(db: Db, limit: number): Promise<AdminEvent[]> {
  return db.select().from(adminEvents).orderBy(desc(adminEvents.at), desc(adminEvents.id)).limit(limit);
}
