import Link from 'next/link';
import { signOut } from '@/lib/auth/next-auth';
import { hasRole } from '@/lib/auth/roles';
import { endCurrentSessions, type SessionUser } from '@/lib/auth/session';
import { AppNav } from './app-nav';
import { DatabaseBanner } from './database-banner';

/**
 * The top of every signed-in page: skip link, brand, navigation, who is signed
 * in, and the database banner. Rendered once by the signed-in layout (app/(console)/layout.tsx),
 * with the `<main id="main">` the skip link targets.
 */
export function AppHeader({ user }: { user: SessionUser }) {
  async function signOutAction() {
    'use server';
    await endCurrentSessions();
    await signOut({ redirectTo: '/login' });
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <Link href="/" className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 20px SVG needs no image optimisation */}
          <img src="/icon.svg" alt="" width={20} height={20} />
          Self-Healing Console
        </Link>
        <AppNav isAdmin={hasRole(user.role, 'admin')} />
        <span className="spacer" />
        <span className="who">
          {user.email} · {user.role}
        </span>
        <form action={signOutAction}>
          <button className="button secondary small" type="submit">
            Sign out
          </button>
        </form>
      </header>
      <DatabaseBanner />
    </>
  );
}
