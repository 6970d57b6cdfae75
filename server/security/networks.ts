/**
 * Allowed networks of an API token: CIDR ranges parsed and checked with `node:net` (SocketAddress
 * validates and canonicalises an address, BlockList matches one against ranges, IPv4-mapped IPv6
 * addresses included). Stored as canonical strings (`192.0.2.0/24`, `2001:db8::/32`): see decision
 * 0012.
 */
import { BlockList, isIPv6, SocketAddress } from "node:net";

/** At most this many ranges per token (a list, not a firewall). */
export const MAX_NETWORKS = 50;

type Family = "ipv4" | "ipv6";

function canonicalAddress(address: string): { address: string; family: Family } | null {
  const family: Family = isIPv6(address) ? "ipv6" : "ipv4";
  try {
    return { address: new SocketAddress({ address, family }).address, family };
  } catch {
    return null;
  }
}

/**
 * One range as typed (`10.0.0.0/8`, `2001:db8::/32`, or a single address, which means /32 or
 * /128), canonicalised; null when it is not a valid CIDR range.
 */
export function parseNetwork(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === "" || text.length > 64) return null;
  const [rawAddress, rawPrefix, extra] = text.split("/");
  if (extra !== undefined || rawAddress === undefined) return null;
  const parsed = canonicalAddress(rawAddress);
  if (!parsed) return null;
  const max = parsed.family === "ipv4" ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return null;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (prefix > max) return null;
  try {
    new BlockList().addSubnet(parsed.address, prefix, parsed.family);
  } catch {
    return null;
  }
  return `${parsed.address}/${prefix}`;
}

/** A list typed in a textarea (commas, semicolons, spaces or line breaks): the ranges, or the invalid entries. */
export function parseNetworkList(text: string): { ok: true; networks: string[] } | { ok: false; invalid: string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== "");
  const networks: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const network = parseNetwork(entry);
    if (network === null) invalid.push(entry);
    else if (!networks.includes(network)) networks.push(network);
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, networks };
}

/** True when `ip` is in one of the ranges (no ranges: every address). An unreadable address is refused. */
export function networkAllows(networks: readonly string[] | null, ip: string | undefined): boolean {
  if (!networks || networks.length === 0) return true;
  const client = ip ? canonicalAddress(ip) : null;
  if (!client) return false;
  const list = new BlockList();
  for (const network of networks) {
    const [address, prefix] = network.split("/");
    const parsed = address ? canonicalAddress(address) : null;
    if (!parsed || prefix === undefined) continue;
    try {
      list.addSubnet(parsed.address, Number(prefix), parsed.family);
    } catch {
      // A stored range is always valid (parseNetwork wrote it); skip one that is not.
    }
  }
  return list.check(client.address, client.family);
}

/** The client's own address as a one-address range (`<ip>/32` or `<ip>/128`), for the 403 hint. */
export function singleAddressRange(ip: string | undefined): string {
  const client = ip ? canonicalAddress(ip) : null;
  if (!client) return String(ip ?? "unknown");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(client.address);
  if (mapped?.[1]) return `${mapped[1]}/32`;
  return `${client.address}/${client.family === "ipv4" ? 32 : 128}`;
}
