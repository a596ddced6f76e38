import { describe, expect, it } from 'vitest';
import { readOidcSettings } from '@/lib/auth/oidc';

const env = (issuer: string) => ({ AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: 'console', AUTH_OIDC_CLIENT_SECRET: 'not-a-real-secret' });

describe('AUTH_OIDC_ISSUER over plain http', () => {
  it.each(['http://login.example.com/realms/ops', 'http://10.0.0.5:8080', 'http://127.0.0.2:3940', 'http://localhost.example.com'])(
    'is refused outside localhost (%s)',
    (issuer) => {
      const { settings, error } = readOidcSettings(env(issuer));
      expect(settings).toBeNull();
      expect(error).toBe('AUTH_OIDC_ISSUER must be an https URL (http is accepted only for localhost, 127.0.0.1 and ::1)');
    },
  );

  it.each(['http://localhost:3940', 'http://127.0.0.1:3940/oidc', 'http://[::1]:3940', 'https://login.example.com'])(
    'is accepted on loopback, and https anywhere (%s)',
    (issuer) => {
      expect(readOidcSettings(env(issuer)).error).toBeUndefined();
    },
  );
});
