/**
 * Parser for what a maintainer pastes from `ss` (iproute2), e.g. `sudo ss -utlnp`.
 *
 * Format. ss prints one socket a line, columns separated by runs of spaces
 * (never rely on widths: they depend on the terminal and the ss version):
 *
 *   Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
 *   udp   UNCONN 0      0      127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=596,fd=14))
 *   tcp   LISTEN 0      128          [::]:22               [::]:*    users:(("sshd",pid=812,fd=4))
 *
 * - Netid is printed only when more than one socket table is shown (`-tu`, `-a`);
 *   State is hidden when a single-state filter is used (`state listening`).
 * - The Process column (`-p`) is `users:((...),(...))`; quoted names may contain
 *   spaces. `-e` appends `uid:N ino:N sk:N cgroup:... v6only:N <->`; `uid:` is
 *   omitted by ss for uid 0. Old ss versions print no "Process" header, and
 *   iproute2 < 3.x prints entries without `pid=`/`fd=`: `users:(("sshd",812,3))`.
 * - Local address forms: `0.0.0.0:22`, `[::]:22`, old `:::22` and `::1:25`, `*:5353`,
 *   `127.0.0.53%lo:53`, `[fe80::1]%eth0:546`, `[fe80::1%eth0]:546`, `*%wlan0:68`.
 * - A paste can break a socket over lines (terminal wrap); continuation lines
 *   (Port column, `users:(...)`, `-e`/`-i`/`-m` details) are joined back.
 *
 * Listening sockets: state LISTEN (tcp, sctp, mptcp) or UNCONN (udp). Without a
 * State column, a socket whose peer port is `*` is taken as listening.
 * Protocol: from Netid; `mptcp` is reported as "tcp" (an MPTCP listener accepts
 * plain TCP on that port). Without Netid: from a pasted `ss` command line if it
 * names exactly one of -t/-u/-S/-M, else LISTEN -> tcp, UNCONN -> udp.
 *
 * Loopback rules (`loopback: true`; such sockets are still returned):
 * 127.0.0.0/8 (not only 127.0.0.1: also 127.0.1.1, 127.0.0.53, ...), ::1 in any
 * spelling, IPv4-mapped ::ffff:127.x.y.z (also ::ffff:7f00:1), the names
 * localhost/ip6-localhost from `ss -r`, and any address bound to interface `lo`.
 *
 * Pure module: no dependencies.
 */

export type SsProtocol = "tcp" | "udp" | "sctp";

export interface SsSocket {
  protocol: SsProtocol;
  /** Local address without brackets, port or %interface: "::", "*", "127.0.0.53", "fe80::1". */
  address: string;
  /** Device the socket is bound to (`%lo`, `%eth0`), when ss shows one. */
  interface?: string;
  port: number;
  /** Distinct process names from `users:(...)`, in order of first appearance. */
  processes: string[];
  loopback: boolean;
  /** State column as printed (LISTEN, UNCONN); absent when ss hid that column. */
  state?: string;
  /** Owner uid, only with `ss -e` (which omits `uid:` for root: then 0). */
  uid?: number;
}

export interface SsSkipped {
  /** 1-based line number in the input (first line of a wrapped socket). */
  line: number;
  text: string;
  reason: string;
}

export interface SsParseResult {
  sockets: SsSocket[];
  skipped: SsSkipped[];
  error?: string;
}

export const EMPTY_INPUT_ERROR = "Paste the output of `sudo ss -utlnp`.";
export const NOT_SS_ERROR =
  "This does not look like output of `ss -utlnp`: no line had the columns State, Recv-Q, Send-Q, Local Address:Port.";
export const NETSTAT_ERROR =
  "This looks like `netstat` output, not `ss`. Paste the output of `sudo ss -utlnp` instead.";

const NOT_SS_REASON =
  "not ss output: expected columns State Recv-Q Send-Q Local Address:Port Peer Address:Port";

/** Netids that are network ports we report, and the protocol we report them as. */
const PORT_NETIDS: ReadonlyMap<string, SsProtocol> = new Map([
  ["tcp", "tcp"],
  ["udp", "udp"],
  ["sctp", "sctp"],
  ["mptcp", "tcp"],
]);

/** Every other netid ss prints, with what it is. */
const OTHER_NETIDS: ReadonlyMap<string, string> = new Map([
  ["u_str", "is not a network socket (Unix stream socket)"],
  ["u_dgr", "is not a network socket (Unix datagram socket)"],
  ["u_dgram", "is not a network socket (Unix datagram socket)"],
  ["u_seq", "is not a network socket (Unix seqpacket socket)"],
  ["p_raw", "is not a network socket (packet socket)"],
  ["p_dgr", "is not a network socket (packet socket)"],
  ["p_dgram", "is not a network socket (packet socket)"],
  ["nl", "is not a network socket (netlink socket)"],
  ["v_str", "is not a network socket (vsock socket)"],
  ["v_dgr", "is not a network socket (vsock socket)"],
  ["ti_st", "is not a network socket (TIPC socket)"],
  ["ti_dg", "is not a network socket (TIPC socket)"],
  ["ti_rd", "is not a network socket (TIPC socket)"],
  ["ti_sq", "is not a network socket (TIPC socket)"],
  ["xdp", "is not a network socket (XDP socket)"],
  ["raw", "is a raw IP socket, which has no port"],
  ["icmp6", "is a raw ICMPv6 socket, which has no port"],
  ["dccp", "is not checked (only tcp, udp and sctp ports are)"],
  ["unknown", "is not a network socket"],
]);

/** TCP and SCTP state names as ss prints them. */
const STATES: ReadonlySet<string> = new Set([
  "LISTEN", "UNCONN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
  "TIME-WAIT", "CLOSE-WAIT", "LAST-ACK", "CLOSING", "UNKNOWN", "CLOSED",
  "COOKIE_WAIT", "COOKIE_ECHOED", "SHUTDOWN_PENDING", "SHUTDOWN_SENT",
  "SHUTDOWN_RECEIVED", "ACK_SENT",
]);

/** Words of the ss header line; a wrapped header leaves lines made only of these. */
const HEADER_WORDS: ReadonlySet<string> = new Set([
  "Netid", "State", "Recv-Q", "Send-Q", "Local", "Peer", "Address:Port", "Address:",
  "Port", "Process", "PortProcess", "Address:PortProcess",
]);

const SCTP_ASSOC_MARK = "`-";

const ALL_PROTOCOLS: readonly SsProtocol[] = ["tcp", "udp", "sctp"];

interface Token {
  text: string;
  end: number;
}

/** Protocols named on a pasted `ss` command line; used only when Netid is absent. */
interface CommandContext {
  protocols: ReadonlySet<SsProtocol>;
}

type LineKind = "blank" | "header" | "command" | "prompt" | "sudo" | "netstat" | "socket" | "other";

/** Why a line that is not part of a socket was skipped (blank and header lines are not listed). */
const LINE_REASONS: Readonly<Partial<Record<LineKind, string>>> = {
  command: "shell command line, not ss output",
  prompt: "shell prompt, not ss output",
  sudo: "sudo password prompt, not ss output",
  netstat: "looks like netstat output, not ss: paste the output of `sudo ss -utlnp`",
  other: NOT_SS_REASON,
};

type RecordResult = { socket: SsSocket } | { reason: string };

// ---------------------------------------------------------------------------
// Public API

export function parseSs(text: string): SsParseResult {
  const lines = text.split(/\r\n|\r|\n/).map(cleanLine);
  const sockets: SsSocket[] = [];
  const skipped: SsSkipped[] = [];
  let context: CommandContext | undefined;
  let sawNonBlank = false;
  let sawSs = false;
  let sawNetstat = false;

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const kind = classifyLine(line);
    if (kind !== "blank") sawNonBlank = true;

    if (kind === "socket") {
      sawSs = true;
      const { text: record, next } = collectRecord(lines, i);
      const outcome = parseRecord(record, context);
      if ("socket" in outcome) sockets.push(outcome.socket);
      else skipped.push({ line: i + 1, text: lines.slice(i, next).join("\n"), reason: outcome.reason });
      i = next;
      continue;
    }

    if (kind === "header") sawSs = true;
    if (kind === "netstat") sawNetstat = true;
    if (kind === "command") context = parseCommandLine(line);
    const reason = LINE_REASONS[kind];
    if (reason !== undefined) skipped.push({ line: i + 1, text: line, reason });
    i += 1;
  }

  const result: SsParseResult = { sockets, skipped };
  if (!sawNonBlank) result.error = EMPTY_INPUT_ERROR;
  else if (!sawSs) result.error = sawNetstat ? NETSTAT_ERROR : NOT_SS_ERROR;
  return result;
}

/**
 * True for loopback addresses: 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104 (IPv4-mapped,
 * dotted or hex), and the names localhost / ip6-localhost / ip6-loopback.
 * Accepts brackets and a %zone suffix ("[::1]", "127.0.0.53%lo"). Does not look
 * at the interface: use the socket's `loopback` field for `%lo` binds.
 */
export function isLoopbackAddress(addr: string): boolean {
  let a = addr.trim().toLowerCase();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);

  if (a === "localhost" || a === "ip6-localhost" || a === "ip6-loopback") return true;

  const v4 = parseIPv4(a);
  if (v4) return v4[0] === 127;

  const v6 = parseIPv6(a);
  if (!v6) return false;
  const firstFiveZero = v6.slice(0, 5).every((g) => g === 0);
  if (firstFiveZero && v6[5] === 0 && v6[6] === 0 && v6[7] === 1) return true; // ::1
  if (firstFiveZero && v6[5] === 0xffff && v6[6] >> 8 === 127) return true; // ::ffff:127.x.y.z
  return false;
}

// ---------------------------------------------------------------------------
// Lines

/** Tabs and non-breaking spaces to spaces, trailing whitespace off. */
function cleanLine(line: string): string {
  return line.replace(/[\t\u00a0]/g, " ").replace(/\s+$/, "");
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    tokens.push({ text: m[0], end: (m.index ?? 0) + m[0].length });
  }
  return tokens;
}

function classifyLine(line: string): LineKind {
  const trimmed = line.trim();
  if (trimmed === "") return "blank";
  if (isHeaderLine(trimmed)) return "header";
  if (isCommandLine(trimmed)) return "command";
  if (/^(?:\S+@\S+(?::\S*)?\s*)?[$#]$/.test(trimmed)) return "prompt";
  if (/^\[sudo\] password for /i.test(trimmed)) return "sudo";
  if (isNetstatLine(trimmed)) return "netstat";
  if (startsSocket(trimmed)) return "socket";
  return "other";
}

function isHeaderLine(trimmed: string): boolean {
  if (/\bRecv-Q\b/.test(trimmed) && /\bSend-Q\b/.test(trimmed) && /Address:/.test(trimmed)) return true;
  return trimmed.split(/\s+/).every((w) => HEADER_WORDS.has(w));
}

const COMMAND_RE =
  /^(?:.*?[$#%>]\s+)?(?:sudo\s+(?:-\S+\s+)*)?(?:\/usr)?(?:\/s?bin\/)?ss(?:\s+(-.*|state\s.*))?$/;

/** `$ ss -tulpn`, `alice@host:~$ sudo ss -lntu | grep -v 127`, `ss -tlnp`. */
function isCommandLine(trimmed: string): boolean {
  return COMMAND_RE.test(trimmed);
}

/** `netstat -tulpn`: `tcp 0 0 0.0.0.0:22 0.0.0.0:* LISTEN 812/sshd`, or its header. */
function isNetstatLine(trimmed: string): boolean {
  if (/^Proto\s+Recv-Q\s+Send-Q\s+Local Address\s+Foreign Address/.test(trimmed)) return true;
  if (/^Active (Internet|UNIX domain) connections/.test(trimmed)) return true;
  const t = trimmed.split(/\s+/);
  if (!/^(tcp|udp|raw|sctp)6?$/.test(t[0]) || !isCount(t[1] ?? "") || !isCount(t[2] ?? "")) return false;
  if (/6$/.test(t[0])) return true; // ss never prints tcp6/udp6
  const sixth = t[5];
  return sixth !== undefined && (STATES.has(sixth) || sixth === "ESTABLISHED" || /^(\d+\/\S*|-)$/.test(sixth));
}

/**
 * Does this line begin a socket? [`- ] [Netid] [State] Recv-Q Send-Q ...; with neither
 * Netid nor State (hidden by a state filter) the Local Address:Port must follow.
 */
function startsSocket(trimmed: string): boolean {
  const t = trimmed.split(/\s+/);
  const n = leadingColumnCount(t);
  if (!isCount(t[n] ?? "") || !isCount(t[n + 1] ?? "")) return false;
  return n > 0 || (t[2] ?? "").includes(":");
}

/** How many of the optional leading columns (SCTP association mark, Netid, State) a line has. */
function leadingColumnCount(tokens: string[]): number {
  let n = 0;
  if (tokens[n] === SCTP_ASSOC_MARK) n += 1;
  if (isNetid(tokens[n])) n += 1;
  if (tokens[n] !== undefined && STATES.has(tokens[n])) n += 1;
  return n;
}

function isNetid(word: string | undefined): word is string {
  return word !== undefined && (PORT_NETIDS.has(word) || OTHER_NETIDS.has(word));
}

function isCount(s: string): boolean {
  return /^\d+$/.test(s);
}

// ---------------------------------------------------------------------------
// Records: one socket, possibly spread over several pasted lines

/** Number of tokens up to and including the Peer Address:Port column. */
function requiredTokenCount(tokens: string[]): number {
  return leadingColumnCount(tokens) + 4; // Recv-Q, Send-Q, Local Address:Port, Peer Address:Port
}

function lacksColumns(record: string): boolean {
  const words = record.split(/\s+/);
  return words.length < requiredTokenCount(words);
}

/** A line that carries on a socket begun on an earlier line (not a socket or header itself). */
function canContinue(line: string): boolean {
  return classifyLine(line) === "other";
}

/** `users:(...)`, or `-e`/`-i`/`-m` details such as `uid:0 ino:1 sk:2 <->` or `\t bbr cwnd:10`. */
function isDetailLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.startsWith("users:(")) return true;
  const words = trimmed.split(/\s+/);
  const keyValue = (w: string): boolean => /^[a-z_][\w-]*:\S*$/.test(w);
  const detailWord = (w: string): boolean => keyValue(w) || /^(<->|<-|->|[a-z_][\w.-]*)$/.test(w);
  if (!words.every(detailWord) || !words.some(keyValue)) return false;
  return /^\s/.test(line) || keyValue(words[0]);
}

/** Quotes and parentheses of `users:(` still open: the terminal cut the line inside it. */
function hasOpenProcessColumn(record: string): boolean {
  const start = record.indexOf("users:(");
  if (start < 0) return false;
  let depth = 0;
  let quoted = false;
  for (const ch of record.slice(start)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth += 1;
    else if (!quoted && ch === ")") depth -= 1;
  }
  return quoted || depth > 0;
}

function joinWrapped(record: string, next: string): string {
  const piece = next.trim();
  // A right-aligned "Local Address:" column and its "Port" column have no space between.
  return record.endsWith(":") ? record + piece : `${record} ${piece}`;
}

function collectRecord(lines: string[], start: number): { text: string; next: number } {
  let record = lines[start].trim();
  let i = start + 1;
  // First the columns up to Peer Address:Port, then Process and detail lines.
  while (i < lines.length && lacksColumns(record) && canContinue(lines[i])) {
    record = joinWrapped(record, lines[i]);
    i += 1;
  }
  while (i < lines.length && canContinue(lines[i])) {
    if (hasOpenProcessColumn(record)) record += lines[i].trim();
    else if (isDetailLine(lines[i])) record = `${record} ${lines[i].trim()}`;
    else break;
    i += 1;
  }
  return { text: record, next: i };
}

function parseRecord(record: string, context: CommandContext | undefined): RecordResult {
  const tokens = tokenize(record);
  const words = tokens.map((t) => t.text);
  let n = 0;

  if (words[0] === SCTP_ASSOC_MARK) {
    return { reason: `SCTP association (state ${words[1] ?? "?"}), not a listening socket` };
  }

  let netid: string | undefined;
  if (isNetid(words[n])) netid = words[n++];
  const otherNetid = netid === undefined ? undefined : OTHER_NETIDS.get(netid);
  if (otherNetid !== undefined) return { reason: `netid ${netid} ${otherNetid}` };

  let state: string | undefined;
  if (words[n] !== undefined && STATES.has(words[n])) state = words[n++];

  if (!isCount(words[n] ?? "") || !isCount(words[n + 1] ?? "")) return { reason: NOT_SS_REASON };
  if (words.length < n + 4) {
    return { reason: "incomplete ss line: Local Address:Port or Peer Address:Port is missing" };
  }
  const localText = words[n + 2];
  const { peer, processStart } = splitPeer(tokens[n + 3]);
  const rest = record.slice(processStart);

  const protocol = resolveProtocol(netid, state, context);
  if (protocol === undefined) {
    return {
      reason:
        "no Netid or State column, so tcp and udp cannot be told apart: paste the output of `ss -utlnp` without a state filter",
    };
  }
  if (state !== undefined && !isListeningState(state, protocol)) {
    return { reason: `not a listening socket (state ${state})` };
  }
  if (state === undefined && !peer.endsWith(":*") && peer !== "*") {
    return { reason: `not a listening socket (connected to peer ${peer})` };
  }

  const local = parseLocalAddress(localText);
  if ("reason" in local) return local;

  const socket: SsSocket = {
    protocol,
    address: local.address,
    port: local.port,
    processes: parseProcesses(rest),
    loopback: isLoopbackAddress(local.address) || local.interface === "lo",
  };
  if (local.interface !== undefined) socket.interface = local.interface;
  if (state !== undefined) socket.state = state;
  const uid = parseUid(rest);
  if (uid !== undefined) socket.uid = uid;
  return { socket };
}

/** The Peer Address:Port token, unglued from a Process column that touches it. */
function splitPeer(token: Token): { peer: string; processStart: number } {
  const glued = token.text.indexOf("users:(");
  if (glued > 0) {
    return { peer: token.text.slice(0, glued), processStart: token.end - token.text.length + glued };
  }
  return { peer: token.text, processStart: token.end };
}

function resolveProtocol(
  netid: string | undefined,
  state: string | undefined,
  context: CommandContext | undefined,
): SsProtocol | undefined {
  if (netid !== undefined) return PORT_NETIDS.get(netid);
  if (context !== undefined && context.protocols.size === 1) {
    const [only] = [...context.protocols];
    return only;
  }
  if (state === "LISTEN") return "tcp";
  if (state === "UNCONN") return "udp";
  return undefined;
}

function isListeningState(state: string, protocol: SsProtocol): boolean {
  if (state === "LISTEN") return true;
  return state === "UNCONN" && protocol === "udp";
}

// ---------------------------------------------------------------------------
// Local Address:Port

type LocalAddress = { address: string; interface?: string; port: number } | { reason: string };

function parseLocalAddress(text: string): LocalAddress {
  if (text.startsWith("/") || text.startsWith("@")) {
    return { reason: `local address ${text} is a Unix socket path, not a network port` };
  }

  let host: string;
  let iface: string | undefined;
  let portText: string;
  const bracketed = /^\[([^\]]*)\](?:%([^:]+))?:([^:]*)$/.exec(text);
  if (bracketed) {
    [host, iface] = splitZone(bracketed[1]);
    iface = bracketed[2] ?? iface;
    portText = bracketed[3];
  } else {
    const colon = text.lastIndexOf(":");
    if (colon < 0) return { reason: `local address ${text} has no :port` };
    [host, iface] = splitZone(text.slice(0, colon));
    portText = text.slice(colon + 1);
  }

  if (!isValidHost(host) || (iface !== undefined && !/^[^\s/:%]+$/.test(iface))) {
    return { reason: `invalid local address ${text}` };
  }
  const port = parsePort(portText);
  if (typeof port === "string") return { reason: port };
  return iface === undefined ? { address: host, port } : { address: host, interface: iface, port };
}

/** "127.0.0.53%lo" -> ["127.0.0.53", "lo"]. */
function splitZone(host: string): [string, string | undefined] {
  const at = host.indexOf("%");
  return at < 0 ? [host, undefined] : [host.slice(0, at), host.slice(at + 1)];
}

function isValidHost(host: string): boolean {
  if (host === "*") return true;
  if (parseIPv4(host) || parseIPv6(host)) return true;
  // `ss -r` prints names; an all-numeric dotted string is a broken IPv4 address instead.
  return /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host) && !/^[\d.]+$/.test(host);
}

/** The port, or the reason it is not one. */
function parsePort(text: string): number | string {
  if (text === "*") return "local port is * (no port bound)";
  if (/^\d+$/.test(text)) {
    const port = Number(text);
    return port >= 1 && port <= 65535 ? port : `invalid port ${text}`;
  }
  if (/^[A-Za-z][\w.+-]*$/.test(text)) {
    return `port "${text}" is a service name: run ss with -n to get numeric ports`;
  }
  return `invalid port ${text}`;
}

// ---------------------------------------------------------------------------
// Process column and -e details

/** Distinct names from `users:(("a",pid=1,fd=3),("b",pid=2,fd=4))`, in order of first appearance. */
function parseProcesses(rest: string): string[] {
  const start = rest.indexOf("users:(");
  if (start < 0) return [];
  const names: string[] = [];
  // The name ends at the quote followed by `,pid=N` (or `,N` in iproute2 before 3.x).
  for (const m of rest.slice(start).matchAll(/\("(.*?)",(?:pid=)?\d/g)) {
    if (!names.includes(m[1])) names.push(m[1]);
  }
  return names;
}

/** `uid:N` from `ss -e`; ss leaves it out for uid 0 but always prints `ino:`. */
function parseUid(rest: string): number | undefined {
  const afterUsers = rest.replace(/users:\(.*\)\)/, "");
  const uid = /(?:^|\s)uid:(\d+)(?=\s|$)/.exec(afterUsers);
  if (uid) return Number(uid[1]);
  return /(?:^|\s)ino:\d+(?=\s|$)/.test(afterUsers) ? 0 : undefined;
}

// ---------------------------------------------------------------------------
// A pasted `ss` command line

function parseCommandLine(line: string): CommandContext {
  const m = /(?:^|[\s$#%>/])ss((?:\s+[^|;&]*)?)/.exec(line.trim());
  const args = (m?.[1] ?? "").trim().split(/\s+/).filter((a) => a !== "");
  const protocols = new Set<SsProtocol>();
  const addName = (name: string): void => {
    const protocol = PORT_NETIDS.get(name);
    if (protocol !== undefined) protocols.add(protocol);
    if (name === "inet") for (const p of ALL_PROTOCOLS) protocols.add(p);
  };
  const addQuery = (list: string): void => list.split(",").forEach(addName);
  for (let k = 0; k < args.length; k += 1) {
    const arg = args[k];
    if (arg === "-A" || arg === "--query") addQuery(args[k + 1] ?? "");
    else if (arg.startsWith("--query=")) addQuery(arg.slice("--query=".length));
    else if (arg.startsWith("--")) addName(arg.slice(2));
    else if (/^-[A-Za-z0-9]+$/.test(arg)) {
      if (arg.includes("t")) protocols.add("tcp");
      if (arg.includes("u")) protocols.add("udp");
      if (arg.includes("S")) protocols.add("sctp");
      if (arg.includes("M")) protocols.add("tcp");
    }
  }
  return { protocols };
}

// ---------------------------------------------------------------------------
// IP addresses

function parseIPv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** Eight 16-bit groups, or null. Accepts "::", an embedded IPv4 tail, any case. */
function parseIPv6(s: string): number[] | null {
  if (!s.includes(":")) return null;
  let body = s;
  let v4Tail: number[] = [];
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    v4Tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    body = s.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }

  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string): string[] => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (![...head, ...tail].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;

  const known = head.length + tail.length + v4Tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros: number[] = new Array<number>(8 - known).fill(0);
  return [
    ...head.map((g) => parseInt(g, 16)),
    ...(halves.length === 2 ? zeros : []),
    ...tail.map((g) => parseInt(g, 16)),
    ...v4Tail,
  ];
}
