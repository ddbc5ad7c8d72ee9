import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Addresses that never leave the machine or the private network: loopback, RFC 1918 and
 * unique-local ranges, link-local. IPv4-mapped IPv6 forms (`::ffff:10.0.0.1`) match the IPv4
 * ranges too.
 */
const NEARBY = new BlockList();
NEARBY.addSubnet('127.0.0.0', 8, 'ipv4');
NEARBY.addSubnet('10.0.0.0', 8, 'ipv4');
NEARBY.addSubnet('172.16.0.0', 12, 'ipv4');
NEARBY.addSubnet('192.168.0.0', 16, 'ipv4');
NEARBY.addSubnet('169.254.0.0', 16, 'ipv4');
NEARBY.addAddress('::1', 'ipv6');
NEARBY.addSubnet('fc00::', 7, 'ipv6');
NEARBY.addSubnet('fe80::', 10, 'ipv6');

/**
 * Where a plain-http URL may point: this machine, a private network, or a single-label name (a
 * compose or Kubernetes service such as `llm`), which public DNS does not resolve. WHATWG URL
 * parsing has already normalised the host (`2130706433` and `0x7f.1` become `127.0.0.1`).
 */
export function isNearbyHost(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIPv4(host)) return NEARBY.check(host, 'ipv4');
  if (isIPv6(host)) return NEARBY.check(host, 'ipv6');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return host.length > 0 && !host.includes('.');
}

export type UrlVerdict = 'https' | 'nearby-http' | 'refused';

/**
 * https goes anywhere. http only to nearby hosts, since the bot token or the API key travels in
 * every request and anyone on the way could read it. Other schemes are never right here.
 */
export function outboundVerdict(url: string): UrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refused';
  }
  if (parsed.protocol === 'https:') return 'https';
  if (parsed.protocol === 'http:' && isNearbyHost(parsed.hostname)) return 'nearby-http';
  return 'refused';
}
