/**
 * What the sign-in page says. One wording for a wrong password, an unknown
 * account and a disabled one, so the page never reveals which emails exist.
 */
export const WRONG_CREDENTIALS = 'Wrong email or password.';

export function rateLimitedMessage(minutes?: number): string {
  if (!minutes) return 'Too many failed sign-ins; try again later.';
  return `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * The `error` the OIDC sign-in callback sends back to /login when the provider
 * does not vouch for the email (lib/auth/next-auth.ts): the account may well
 * exist, so "no console account" would send the person to the wrong fix.
 */
export const OIDC_EMAIL_UNVERIFIED = 'OidcEmailUnverified';

/** The message for Auth.js's `?error=…&code=…` redirect back to /login, if any. */
export function authErrorMessage(error: string | undefined, code: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === 'CredentialsSignin') return code === 'rate_limited' ? rateLimitedMessage() : WRONG_CREDENTIALS;
  if (error === OIDC_EMAIL_UNVERIFIED) {
    return 'Your identity provider has not verified that email address. Verify it there, then sign in again.';
  }
  if (error === 'AccessDenied') {
    return 'That sign-in has no console account (or it is disabled). An admin must create your user first.';
  }
  return 'Sign-in failed. Try again, or ask an admin to check the console log.';
}
