import { describe, expect, it } from 'vitest';
import { authErrorMessage, OIDC_EMAIL_UNVERIFIED, rateLimitedMessage, WRONG_CREDENTIALS } from '@/lib/auth/sign-in-messages';

describe('sign-in messages', () => {
  it('names the wait in minutes', () => {
    expect(rateLimitedMessage(12)).toBe('Too many failed sign-ins; try again in 12 minutes.');
    expect(rateLimitedMessage(1)).toBe('Too many failed sign-ins; try again in 1 minute.');
    expect(rateLimitedMessage()).toBe('Too many failed sign-ins; try again later.');
  });
  it('maps Auth.js redirects back to /login', () => {
    expect(authErrorMessage(undefined, undefined)).toBeUndefined();
    expect(authErrorMessage('CredentialsSignin', 'credentials')).toBe(WRONG_CREDENTIALS);
    expect(authErrorMessage('CredentialsSignin', 'rate_limited')).toBe(rateLimitedMessage());
    expect(authErrorMessage('AccessDenied', undefined)).toMatch(/admin must create your user/);
    expect(authErrorMessage('Configuration', undefined)).toMatch(/Sign-in failed/);
  });
  it('tells an unverified email so, not "no console account"', () => {
    const message = authErrorMessage(OIDC_EMAIL_UNVERIFIED, undefined);
    expect(message).toMatch(/not verified that email/);
    expect(message).not.toMatch(/no console account/);
  });
});
