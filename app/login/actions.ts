'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { SignInRateLimited } from '@/lib/auth/credentials';
import { signIn } from '@/lib/auth/next-auth';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';
import { rateLimitedMessage, WRONG_CREDENTIALS } from '@/lib/auth/sign-in-messages';
import { env } from '@/lib/env';

/** `email` comes back so the form can keep it after a refusal (form actions reset their fields). */
export type SignInState = { error?: string; email?: string };

const signInSchema = z.object({
  email: z.email({ error: 'email: enter the email address you sign in with' }),
  password: z.string().min(1, 'password: enter your password'),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths, so a crafted link cannot bounce a fresh session elsewhere. */
function safeCallback(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

// Sign-in is the one kind of action without a session to check: it creates it.
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    email: form.get('email'),
    password: form.get('password'),
    callbackUrl: form.get('callbackUrl') ?? undefined,
  });
  const email = typeof form.get('email') === 'string' ? String(form.get('email')).slice(0, 320) : undefined;
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, email };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only authentication failures are answered here.
    if (error instanceof SignInRateLimited) return { error: rateLimitedMessage(error.retryAfterMinutes), email };
    if (error instanceof AuthError) return { error: WRONG_CREDENTIALS, email };
    throw error;
  }
}

/** Hands the browser to the configured identity provider (lib/auth/oidc.ts). */
export async function oidcSignInAction(form: FormData): Promise<void> {
  // Without a provider the button is not shown; a forged POST does nothing.
  if (!env().oidc) return;
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallback(form.get('callbackUrl')) });
}
