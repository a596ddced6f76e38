import { describe, expect, it } from 'vitest';
import { publicUrl } from '@/lib/auth/request-origin';

const internal = 'http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz';

describe('publicUrl', () => {
  it('re-addresses the request to the host the browser used', () => {
    expect(publicUrl(internal, new Headers({ host: '127.0.0.1:3107' }), null)).toBe(
      'http://127.0.0.1:3107/api/auth/callback/oidc?code=abc&state=xyz',
    );
  });

  it('follows the proxy: X-Forwarded-Host and X-Forwarded-Proto win over Host', () => {
    const headers = new Headers({ host: 'console:3000', 'x-forwarded-host': 'console.example.com', 'x-forwarded-proto': 'https' });
    expect(publicUrl(internal, headers, null)).toBe('https://console.example.com/api/auth/callback/oidc?code=abc&state=xyz');
    const chained = new Headers({ 'x-forwarded-host': 'console.example.com, inner', 'x-forwarded-proto': 'https,http' });
    expect(publicUrl(internal, chained, null)).toBe('https://console.example.com/api/auth/callback/oidc?code=abc&state=xyz');
  });

  it('takes the origin of AUTH_URL as written when set (127.0.0.1 stays 127.0.0.1), whatever the headers say', () => {
    expect(publicUrl(internal, new Headers({ host: 'x.example' }), 'https://console.example.com/ignored')).toBe(
      'https://console.example.com/api/auth/callback/oidc?code=abc&state=xyz',
    );
    expect(publicUrl(internal, new Headers({ host: 'localhost:3940' }), 'http://127.0.0.1:3940')).toBe(
      'http://127.0.0.1:3940/api/auth/callback/oidc?code=abc&state=xyz',
    );
  });

  it('leaves the URL alone with no usable host', () => {
    expect(publicUrl(internal, new Headers(), null)).toBe(internal);
    for (const host of ['evil.example/path', 'user:pw@evil.example', 'bad host', '']) {
      expect(publicUrl(internal, new Headers({ host }), null), host).toBe(internal);
    }
    expect(publicUrl(internal, new Headers({ host: 'ok.example', 'x-forwarded-proto': 'javascript' }), null)).toBe(internal);
  });
});
