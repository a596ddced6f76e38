import Link from 'next/link';
import { signOut } from '@/lib/auth/next-auth';
import type { SessionUser } from '@/lib/auth/session';

export function AppHeader({ user }: { user: SessionUser }) {
  async function signOutAction() {
    'use server';
    await signOut({ redirectTo: '/login' });
  }
  return (
    <header className="shell-header">
      <Link href="/" className="brand">
        Self-Healing Console
      </Link>
      <span className="spacer" />
      <span className="who">
        {user.email} · {user.role}
      </span>
      <form action={signOutAction}>
        <button className="button secondary" type="submit">
          Sign out
        </button>
      </form>
    </header>
  );
}
