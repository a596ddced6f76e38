import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { currentUser } from '@/lib/auth/session';

export const metadata = { title: 'Sign in · Self-Healing Console' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect('/');
  const { callbackUrl } = await searchParams;
  return (
    <main>
      <div className="card login">
        <h1>Self-Healing Console</h1>
        <p className="subtitle">Sign in to watch and heal your services.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
