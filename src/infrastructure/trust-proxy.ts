import { isIP } from 'node:net';

/** The address groups proxy-addr (Fastify's trustProxy) knows by name. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client, as addresses, CIDR
 * ranges or named ranges, comma-separated. Only a peer in the list is believed, so a client
 * cannot pick its own address (and rate-limit key) by sending the header itself.
 */
export function trustedProxies(value: string, fail: (problem: string) => never): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !isProxyRange(entry));
  if (bad !== undefined || entries.length === 0) {
    fail(`must list proxy addresses or CIDR ranges (or ${NAMED_RANGES.join(', ')}), comma-separated (got "${bad ?? value}")`);
  }
  return entries;
}

function isProxyRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}
