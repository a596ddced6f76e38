import { describe, expect, it } from 'vitest';
import {
  API_CONTENT_SECURITY_POLICY,
  FIXED_SECURITY_HEADERS,
  generateNonce,
  pageContentSecurityPolicy,
  requestSecurityHeaders,
  servedOverHttps,
} from '@/lib/http/security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('pageContentSecurityPolicy', () => {
  it('lets only scripts with this request’s nonce run, and nobody frame the console', () => {
    const d = directives(pageContentSecurityPolicy({ nonce: 'abc123==' }));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    // Style attributes (React style props, Recharts) yes; style elements only from us or with the nonce.
    expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(d.get('style-src-elem')).toEqual(["'self'", "'nonce-abc123=='"]);
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('allows eval only in development', () => {
    expect(directives(pageContentSecurityPolicy({ nonce: 'n', development: true })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('lets the sign-in form hand over to the OIDC issuer’s origin, nothing else of its URL', () => {
    const d = directives(pageContentSecurityPolicy({ nonce: 'n', oidcIssuer: 'https://idp.example.com/realms/x' }));
    expect(d.get('form-action')).toEqual(["'self'", 'https://idp.example.com']);
    expect(directives(pageContentSecurityPolicy({ nonce: 'n', oidcIssuer: 'javascript:alert(1)' })).get('form-action')).toEqual(["'self'"]);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => pageContentSecurityPolicy({ nonce: "x'; script-src *" })).toThrow(/base64/);
  });
});

describe('generateNonce', () => {
  it('is fresh base64 every time', () => {
    const a = generateNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(generateNonce()).not.toBe(a);
  });
});

describe('requestSecurityHeaders', () => {
  const plain = new Headers();
  it('sends HSTS only over HTTPS, direct or behind a proxy', () => {
    expect(requestSecurityHeaders({ url: 'http://console/', headers: plain, api: false, nonce: 'n' })).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(requestSecurityHeaders({ url: 'https://console/', headers: plain, api: false, nonce: 'n' })['Strict-Transport-Security']).toMatch(
      /^max-age=\d+; includeSubDomains$/,
    );
    const forwarded = new Headers({ 'x-forwarded-proto': 'https, http' });
    expect(requestSecurityHeaders({ url: 'http://console/', headers: forwarded, api: false, nonce: 'n' })).toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(servedOverHttps('http://console/', new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
  });

  it('gives API answers the data policy and pages the nonce policy', () => {
    expect(requestSecurityHeaders({ url: 'http://c/', headers: plain, api: true, nonce: 'n' })['Content-Security-Policy']).toBe(
      API_CONTENT_SECURITY_POLICY,
    );
    expect(requestSecurityHeaders({ url: 'http://c/', headers: plain, api: false, nonce: 'n' })['Content-Security-Policy']).toContain(
      "'nonce-n'",
    );
  });
});

it('the fixed headers forbid sniffing, framing and cross-site referrers', () => {
  expect(Object.fromEntries(FIXED_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  });
});
