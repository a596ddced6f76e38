/**
 * Which network addresses a cleanup hook may be called on (pure; no DNS here).
 *
 * Three classes, checked in this order:
 *   - never: link-local (169.254.0.0/16, fe80::/10) — cloud metadata services live
 *     there — and the named metadata endpoints (fd00:ec2::254, Alibaba's
 *     100.100.100.200), plus "this host" (0.0.0.0/8, ::), which connects to
 *     loopback. No setting allows them.
 *   - internal: loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12,
 *     192.168/16, fc00::/7) and shared (100.64/10) ranges. Refused unless an admin
 *     listed a range holding the address (the `hook_allowed_ranges` setting).
 *   - anything else (public unicast): allowed.
 * IPv4-mapped IPv6 addresses (::ffff:169.254.169.254) are judged as the IPv4
 * address they carry, so the mapping cannot dodge a rule.
 */
import { isIP } from 'node:net';

export interface Cidr {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
  /** As written, normalised (e.g. `10.0.0.0/8`). */
  text: string;
}

/** The allowance a fresh console starts with: components beside the console (and the demo, the tests) on loopback. */
export const DEFAULT_HOOK_ALLOWED_RANGES: readonly string[] = ['127.0.0.0/8', '::1/128'];

const NEVER: { range: string; why: string }[] = [
  { range: '169.254.0.0/16', why: 'link-local (cloud metadata)' },
  { range: 'fe80::/10', why: 'link-local (cloud metadata)' },
  { range: 'fd00:ec2::254/128', why: 'a cloud metadata endpoint' },
  { range: '100.100.100.200/32', why: 'a cloud metadata endpoint' },
  { range: '0.0.0.0/8', why: '"this host" (it reaches loopback)' },
  { range: '::/128', why: '"this host" (it reaches loopback)' },
];

const INTERNAL: { range: string; why: string }[] = [
  { range: '127.0.0.0/8', why: 'loopback' },
  { range: '::1/128', why: 'loopback' },
  { range: '10.0.0.0/8', why: 'private' },
  { range: '172.16.0.0/12', why: 'private' },
  { range: '192.168.0.0/16', why: 'private' },
  { range: '100.64.0.0/10', why: 'shared (carrier-grade NAT)' },
  { range: 'fc00::/7', why: 'private (unique local)' },
];

const never = NEVER.map((r) => ({ ...r, cidr: parseCidr(r.range)! }));
const internal = INTERNAL.map((r) => ({ ...r, cidr: parseCidr(r.range)! }));

/** The 4 or 16 bytes of an IP address, IPv4-mapped IPv6 unwrapped to IPv4; null when not an IP. */
export function parseIp(text: string): { family: 4 | 6; bytes: Uint8Array } | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(address);
  if (kind === 4) return { family: 4, bytes: Uint8Array.from(address.split('.').map(Number)) };
  if (kind !== 6) return null;
  const bytes = ipv6Bytes(address);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

function ipv6Bytes(address: string): Uint8Array {
  let text = address;
  const bytes = new Uint8Array(16);
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** `10.0.0.0/8`, `fd12::/16`, or a bare address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !address) return null;
  const ip = parseIp(address);
  if (!ip || (isIP(address) === 6 && ip.family === 4 && prefixText !== undefined)) {
    // A mapped address with a prefix would be ambiguous (/120 of what?): write the IPv4 range.
    return null;
  }
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  const bytes = ip.bytes.map((b, i) => b & maskByte(prefix, i));
  return { family: ip.family, bytes, prefix, text: `${formatIp(ip.family, bytes)}/${prefix}` };
}

function maskByte(prefix: number, index: number): number {
  const bits = Math.min(8, Math.max(0, prefix - index * 8));
  return (0xff << (8 - bits)) & 0xff;
}

function formatIp(family: 4 | 6, bytes: Uint8Array): string {
  if (family === 4) return Array.from(bytes).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2]! << 8) | bytes[i * 2 + 1]!).toString(16));
  // Node's URL parser compresses the longest zero run as RFC 5952 says.
  return new URL(`http://[${groups.join(':')}]`).hostname.replace(/^\[|\]$/g, '');
}

export function cidrContains(cidr: Cidr, ip: { family: 4 | 6; bytes: Uint8Array }): boolean {
  if (cidr.family !== ip.family) return false;
  return cidr.bytes.every((b, i) => (ip.bytes[i]! & maskByte(cidr.prefix, i)) === b);
}

/**
 * Why a hook may not be called on `address`, in words (no address in them:
 * callers add it where the reader may see it); null when it may.
 * `allowed` are the admin's extra ranges (already parsed).
 */
export function hookAddressRefusal(address: string, allowed: readonly Cidr[]): string | null {
  const ip = parseIp(address);
  if (!ip) return 'not an IP address';
  const blocked = never.find((r) => cidrContains(r.cidr, ip));
  if (blocked) return `${blocked.why} addresses are never called`;
  const inside = internal.find((r) => cidrContains(r.cidr, ip));
  if (inside && !allowed.some((cidr) => cidrContains(cidr, ip))) {
    return `${inside.why} addresses are refused unless an admin allows their range (Administration → Cleanup hook addresses)`;
  }
  return null;
}

/** Parses the admin's list; the first malformed entry is named. */
export function parseAllowedRanges(entries: readonly string[]): { ranges: Cidr[] } | { error: string } {
  const ranges: Cidr[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!cidr) return { error: `"${entry}" is not an IP range such as 10.0.0.0/8 or fd12:3456::/32` };
    ranges.push(cidr);
  }
  return { ranges };
}
