import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOOK_ALLOWED_RANGES,
  hookAddressRefusal,
  parseAllowedRanges,
  parseCidr,
  parseIp,
  type Cidr,
} from '@/lib/executors/http/address-policy';

const ranges = (...entries: string[]): Cidr[] => {
  const parsed = parseAllowedRanges(entries);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.ranges;
};
const defaults = ranges(...DEFAULT_HOOK_ALLOWED_RANGES);

describe('hookAddressRefusal', () => {
  it.each([
    '169.254.169.254',
    '169.254.0.1',
    'fe80::1',
    'fe80::1%eth0',
    'febf:ffff::1',
    'fd00:ec2::254',
    '100.100.100.200',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '[::ffff:169.254.169.254]',
    '0.0.0.0',
    '::',
  ])('never allows %s, whatever the admin lists', (address) => {
    expect(hookAddressRefusal(address, ranges('0.0.0.0/0', '::/0'))).toMatch(/never called/);
  });

  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses the internal address %s by default (%s)', (address, kind) => {
    expect(hookAddressRefusal(address, defaults)).toMatch(new RegExp(`^${kind}.*unless an admin allows`));
  });

  it('allows loopback by default, and internal ranges the admin listed', () => {
    expect(hookAddressRefusal('127.0.0.1', defaults)).toBeNull();
    expect(hookAddressRefusal('::1', defaults)).toBeNull();
    expect(hookAddressRefusal('127.0.0.1', [])).toMatch(/^loopback/);
    const listed = ranges('10.20.0.0/16', 'fd12::/16');
    expect(hookAddressRefusal('10.20.3.4', listed)).toBeNull();
    expect(hookAddressRefusal('10.21.3.4', listed)).toMatch(/private/);
    expect(hookAddressRefusal('fd12:3456::1', listed)).toBeNull();
    expect(hookAddressRefusal('::ffff:10.20.3.4', listed)).toBeNull();
  });

  it('allows public addresses', () => {
    for (const address of ['93.184.216.34', '172.32.0.1', '2606:4700::1111', '169.255.0.1']) {
      expect(hookAddressRefusal(address, [])).toBeNull();
    }
  });

  it('says nothing about the address itself (callers decide who may see it)', () => {
    expect(hookAddressRefusal('10.9.8.7', [])).not.toContain('10.9.8.7');
  });
});

describe('parseCidr / parseIp', () => {
  it('normalises ranges and bare addresses', () => {
    expect(parseCidr('10.1.2.3/8')?.text).toBe('10.0.0.0/8');
    expect(parseCidr('192.168.1.5')?.text).toBe('192.168.1.5/32');
    expect(parseCidr('FD12:3456:0:0::1/32')?.text).toBe('fd12:3456::/32');
    expect(parseIp('::ffff:1.2.3.4')).toEqual({ family: 4, bytes: Uint8Array.from([1, 2, 3, 4]) });
  });

  it.each(['', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'example.com/8', '10.0.0.0/8/1', '10.0.0.0/-1', '::ffff:10.0.0.0/104'])(
    'refuses %j',
    (text) => {
      expect(parseCidr(text)).toBeNull();
    },
  );

  it('names the first malformed entry of a list', () => {
    expect(parseAllowedRanges(['10.0.0.0/8', 'nope', '300.0.0.0/8'])).toEqual({
      error: '"nope" is not an IP range such as 10.0.0.0/8 or fd12:3456::/32',
    });
  });
});
