/**
 * SSRF protection of outgoing requests (webhooks): a receiver must be a public address. Every
 * address a host name resolves to is checked, at save time and again at connection time (the
 * `lookup` given to the HTTP client), so that a DNS answer changed in between (rebinding) is
 * refused too. `allowPrivate` (WEBHOOKS_ALLOW_PRIVATE_NETWORKS) admits local receivers in tests
 * and development.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

const BLOCKED_IPV4 = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const;
const BLOCKED_IPV6 = [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const;

/**
 * Built at first use, not when the module loads: a page's module imports its operations for the
 * server, and a top-level `new BlockList()` would be kept in the browser's bundle (a side effect
 * the bundler cannot drop), where `node:net` does not exist.
 */
let blocked: BlockList | null = null;
function blockedRanges(): BlockList {
  if (blocked) return blocked;
  const list = new BlockList();
  for (const [network, prefix] of BLOCKED_IPV4) list.addSubnet(network, prefix, "ipv4");
  for (const [network, prefix] of BLOCKED_IPV6) list.addSubnet(network, prefix, "ipv6");
  blocked = list;
  return list;
}

/** A loopback, private, link-local, shared, documentation, multicast or reserved address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return blockedRanges().check(address, family === 4 ? "ipv4" : "ipv6");
}

export type OutboundRefusal = "private_address" | "unresolvable";

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** Resolves the URL's host and checks every address: null when it may be called. */
export async function checkOutboundUrl(rawUrl: string, allowPrivate: boolean): Promise<OutboundRefusal | null> {
  const host = hostOf(new URL(rawUrl));
  if (isIP(host)) return !allowPrivate && isPrivateAddress(host) ? "private_address" : null;
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
    );
  } catch {
    return "unresolvable";
  }
  if (addresses.length === 0) return "unresolvable";
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) return "private_address";
  return null;
}

export class PrivateAddressError extends Error {
  readonly code = "EPRIVATEADDRESS";
  constructor(host: string) {
    super(`refused: ${host} resolves to a private address`);
    this.name = "PrivateAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request`: resolves like the system does, then refuses the connection when
 * any address is private (unless allowed). IP literals never reach a lookup: check them first
 * with `checkOutboundUrl`.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : "", undefined);
      if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
        return callback(new PrivateAddressError(hostname), options.all ? [] : "", undefined);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), "", undefined);
      return callback(null, first.address, first.family);
    });
  };
}
