import { describe, expect, it } from 'vitest';
import { routePattern } from '@/lib/observability/route-pattern';

describe('routePattern', () => {
  it('puts each param back as [param], so every component shares one series', () => {
    expect(routePattern('/api/v1/components/checkout/health', { name: 'checkout' })).toBe('/api/v1/components/[name]/health');
    expect(routePattern('/api/v1/approvals/0b5e/approve', { id: '0b5e' })).toBe('/api/v1/approvals/[id]/approve');
    expect(routePattern('/api/v1/metrics', {})).toBe('/api/v1/metrics');
    expect(routePattern('/metrics', {})).toBe('/metrics');
  });

  it('a name equal to a static segment lands in its own segment', () => {
    expect(routePattern('/api/v1/components/health/health', { name: 'health' })).toBe('/api/v1/components/[name]/health');
    expect(routePattern('/api/v1/components/components', { name: 'components' })).toBe('/api/v1/components/[name]');
  });

  it('matches percent-encoded values', () => {
    expect(routePattern('/api/v1/components/a%2Eb', { name: 'a.b' })).toBe('/api/v1/components/[name]');
  });

  it('catch-all params become [...param]', () => {
    expect(routePattern('/api/v1/files/a/b/c', { path: ['a', 'b', 'c'] })).toBe('/api/v1/files/[...path]');
  });
});
