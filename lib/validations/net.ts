// Small, pure validators for the network fields of a request (shared by the
// browser form and the server, so no node:net here).

const IPV4_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);
const HEXTET = /^[0-9a-fA-F]{1,4}$/;
/** Linux interface names: at most 15 bytes (IFNAMSIZ - 1). */
const IFACE = /^[A-Za-z0-9_.:-]{1,15}$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

export function isIPv6(s: string): boolean {
  if (!s.includes(":")) return false;
  // An embedded IPv4 tail (e.g. ::ffff:192.0.2.1) stands for two hextets.
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  let text = s;
  if (tail.includes(".")) {
    if (!isIPv4(tail)) return false;
    text = s.slice(0, lastColon + 1) + "0:0";
  }
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const all = halves.length === 2 ? [...groups(halves[0]), ...groups(halves[1])] : text.split(":");
  const complete = halves.length === 2 ? all.length <= 7 : all.length === 8;
  return complete && all.every((g) => HEXTET.test(g));
}

/**
 * A bind address as `ss` shows it or a unit file states it: `*`, `0.0.0.0`, `::`,
 * an IPv4 or IPv6 address, optionally with `%interface` (e.g. `0.0.0.0%eth0`, `fe80::1%wlan0`).
 */
export function parseBindAddress(input: string): { address: string; iface?: string } | null {
  const s = input.trim().replace(/^\[(.*)\]$/, "$1");
  const pct = s.indexOf("%");
  const address = pct >= 0 ? s.slice(0, pct) : s;
  const iface = pct >= 0 ? s.slice(pct + 1) : undefined;
  if (iface !== undefined && !IFACE.test(iface)) return null;
  if (address === "*" || isIPv4(address) || isIPv6(address)) return { address, iface };
  return null;
}

export function isBindAddress(input: string): boolean {
  return parseBindAddress(input) !== null;
}

/** True when the address listens on every interface (no specific address, no interface). */
export function isWildcardBind(input: string): boolean {
  const parsed = parseBindAddress(input);
  return !!parsed && !parsed.iface && ["*", "0.0.0.0", "::"].includes(parsed.address);
}
