// Pure: where an API call came from, and whether a client may call from there. Next.js route handlers do not see the
// TCP peer, so the address comes from X-Forwarded-For, and only as far as the operator trusts it: with
// API_TRUSTED_PROXIES = n (the number of reverse proxies in front of the app, each appending the address it saw), the
// client is the n-th address from the right; the addresses left of it are whatever the caller claimed and are
// ignored. With n = 0 (the default) the address is unknown, and a client with an address list is refused (fail closed).
import { BlockList, isIP } from 'node:net';

export function clientAddress(forwardedFor: string | null, trustedProxies: number): string | null {
  if (trustedProxies < 1 || !forwardedFor) return null;
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter(Boolean);
  const hop = hops[hops.length - trustedProxies];
  if (!hop) return null;
  const bare = normalise(hop);
  return isIP(bare) ? bare : null;
}

/** `[::1]:443` → `::1`, `10.0.0.1:5000` → `10.0.0.1`, `::ffff:10.0.0.1` → `10.0.0.1`. */
function normalise(hop: string): string {
  let h = hop;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (bracket) h = bracket[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(h)) h = h.slice(0, h.lastIndexOf(':'));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(h)) h = h.slice(7);
  return h;
}

/** An exact address or a CIDR block, as the admin may type it. */
export function isAddressRule(rule: string): boolean {
  const [addr, bits, ...rest] = rule.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** An empty list allows any address (known or not); otherwise the address must be known and match a rule. */
export function addressAllowed(ip: string | null, rules: readonly string[]): boolean {
  if (rules.length === 0) return true;
  if (ip === null || isIP(ip) === 0) return false;
  const list = new BlockList();
  for (const rule of rules) {
    if (!isAddressRule(rule)) continue;
    const [addr, bits] = rule.split('/');
    const type = isIP(addr) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
}
