import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

describe('proxy: machine endpoints are never redirected to /login', () => {
  it('passes /metrics and the API through without a session cookie (they answer 401 themselves)', () => {
    for (const path of ['/metrics', '/api/v1/components']) {
      const response = proxy(new NextRequest(`http://console.test${path}`));
      expect(response.headers.get('location'), path).toBeNull();
      expect(response.status, path).toBe(200);
    }
  });

  it('still redirects a page without a session', () => {
    const response = proxy(new NextRequest('http://console.test/metrics-dashboard'));
    expect(response.headers.get('location')).toContain('/login');
  });
});
