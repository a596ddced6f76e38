/**
 * The configuration-time half of the hook address rule: is this cleanup URL on
 * an address hooks may be called on? A literal IP is judged as it is; a host
 * name by every address it resolves to now. The call-time check (outbound.ts,
 * on the address actually connected to) is the one that cannot be dodged; this
 * one tells the admin at once, with a 400, instead of at the first cleanup.
 * A name that does not resolve (yet) is accepted: DNS may follow the deploy.
 */
import { isIP } from 'node:net';
import { hookAddressRefusal, type Cidr } from './address-policy';
import { systemResolver, type Resolver } from './outbound';

/** Long enough for a healthy resolver; a PUT should not hang on a dead one. */
const RESOLVE_TIMEOUT_MS = 2_000;

export async function hookUrlRefusal(url: string, allowed: readonly Cidr[], resolve: Resolver = systemResolver): Promise<string | null> {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null; // not a URL: the schema says so
  }
  if (isIP(hostname)) {
    const why = hookAddressRefusal(hostname, allowed);
    return why && `${hostname} is refused: ${why}`;
  }
  let timer: NodeJS.Timeout | undefined;
  const addresses = await Promise.race([
    resolve(hostname).catch(() => []),
    new Promise<[]>((done) => (timer = setTimeout(() => done([]), RESOLVE_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  for (const { address } of addresses) {
    const why = hookAddressRefusal(address, allowed);
    if (why) return `${hostname} resolves to ${address}, which is refused: ${why}`;
  }
  return null;
}
