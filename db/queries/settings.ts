import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';

const PAUSE_KEY = 'automation_paused';

export interface PauseState {
  paused: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The global pause switch (SPEC §4): while on, nothing runs automatically. */
export async function automationPause(db: Db): Promise<PauseState> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PAUSE_KEY)).limit(1);
  return { paused: row?.value === true, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null };
}

export async function setAutomationPaused(db: Db, paused: boolean, by: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: PAUSE_KEY, value: paused, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: paused, updatedBy: by, updatedAt: new Date() } });
}
