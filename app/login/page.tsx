import { redirect } from 'next/navigation';
import { OidcSignIn } from '@/components/oidc-sign-in';
import { SignInForm } from '@/components/sign-in-form';
import { currentUser } from '@/lib/auth/session';
import { authErrorMessage } from '@/lib/auth/sign-in-messages';
import { env } from '@/lib/env';

export const metadata = { title: 'Sign in · Self-Healing Console' };

type Search = { callbackUrl?: string; error?: string; code?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (await currentUser()) redirect('/');
  const { callbackUrl, error, code } = await searchParams;
  const oidc = env().oidc;
  return (
    <main>
      <div className="card login">
        <h1>Self-Healing Console</h1>
        <p className="subtitle">Sign in to watch and heal your services.</p>
        <SignInForm callbackUrl={callbackUrl} error={authErrorMessage(error, code)} />
        {oidc && <OidcSignIn label={`Sign in with ${oidc.name}`} callbackUrl={callbackUrl} />}
      </div>
    </main>
  );
}
