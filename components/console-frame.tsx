import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/session';
import { AppHeader } from './app-header';

/**
 * The frame of every signed-in page, in one place: the header (skip link,
 * navigation, who is signed in, database banner) and the one `<main id="main">`
 * the skip link targets. Pages render their content inside it and no page
 * writes its own `<main>` — three did, without the id, and their skip link went
 * nowhere. `user` null (a 404 for someone signed out): no header.
 */
export function ConsoleFrame({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  return (
    <>
      {user && <AppHeader user={user} />}
      <main id="main">{children}</main>
    </>
  );
}
