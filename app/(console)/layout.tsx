import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { requirePageUser } from '@/lib/auth/guards';

/**
 * The frame of every signed-in page, rendered once for the whole group: the
 * header (skip link, navigation, who is signed in, database banner) and the one
 * `<main id="main">` the skip link targets. Pages render only their content and
 * never write a `<main>` of their own. Each page still checks its own role
 * (requirePageUser): a layout is not re-rendered on client navigation, so it
 * cannot be the guard. The two checks share one session read per request
 * (currentUser is memoised per render).
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('viewer');
  return (
    <>
      <AppHeader user={user} />
      <main id="main">{children}</main>
    </>
  );
}
