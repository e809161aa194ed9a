import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may go: an HTTPS address that resolves only to public addresses, so that a partner cannot make
 * Trygg call into its own network (SSRF). Checked at registration and again before every delivery, and the request
 * then connects to the very address checked, so a name that resolves differently the second time (DNS rebinding)
 * still cannot reach inside. `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_TARGETS, for tests only) lifts both rules.
 */
export type TargetCheck =
  | { ok: { url: URL; address: string; family: 4 | 6 } }
  | { refused: "NOT_HTTPS" | "INVALID_URL" | "UNRESOLVABLE" | "PRIVATE_ADDRESS"; message: string };

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services among them
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["64:ff9b::", 96], // NAT64 carries an IPv4 address that could be private
] as const)
  blocked.addSubnet(net, bits, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, "ipv6");
}

export async function checkTarget(raw: string, allowPrivate: boolean): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: "INVALID_URL", message: "Give the endpoint's full address, e.g. https://example.com/trygg." };
  }
  if (url.username || url.password || !["https:", "http:"].includes(url.protocol))
    return { refused: "INVALID_URL", message: "The address must be https://host/path, without a user name." };
  if (url.protocol !== "https:" && !allowPrivate)
    return { refused: "NOT_HTTPS", message: "The endpoint must use HTTPS." };
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    return { refused: "UNRESOLVABLE", message: `The name ${host} does not resolve.` };
  }
  if (addresses.length === 0) return { refused: "UNRESOLVABLE", message: `The name ${host} does not resolve.` };
  // Every address, not only the first: a name with one public and one private address is refused.
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    return {
      refused: "PRIVATE_ADDRESS",
      message: `${host} resolves to a loopback, private or link-local address; webhooks go only to public addresses.`,
    };
  const first = addresses[0]!;
  return { ok: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
}
