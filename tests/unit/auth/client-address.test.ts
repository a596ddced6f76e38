import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';

describe('clientAddress', () => {
  it('takes the first X-Forwarded-For entry (the client, as the trusted proxy reports it)', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2', 'x-real-ip': '10.0.0.9' }))).toBe('203.0.113.7');
  });
  it('falls back to X-Real-IP, then to "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': ' 198.51.100.4 ' }))).toBe('198.51.100.4');
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' , ' , 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
  it('bounds what a client can make us store', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'a'.repeat(5000) }))).toHaveLength(100);
  });
});
