'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/login/actions';

/** `error`: a message carried back in the URL by Auth.js (e.g. a refused single sign-on). */
export function SignInForm({ callbackUrl, error }: { callbackUrl?: string; error?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error });
  return (
    <form action={action}>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <label className="field">
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </label>
      <label className="field">
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
